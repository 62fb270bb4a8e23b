package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;
import org.jsoup.parser.Parser;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.util.Set;

/**
 * WordPress eXtended RSS 1.0-1.2: each {@code <item>} is a post with {@code <wp:comment>} children.
 * Posts and pages always become posts; other item types (attachments, menu items...) only when they have comments.
 * WordPress writes titles and comment authors HTML-escaped inside the XML ({@code Anna &amp; Wen} once the XML
 * is decoded): they are decoded once more. WordPress never exports spam comments.
 */
final class WxrParser extends XmlParser {

    static final String SYSTEM = "wordpress";
    private static final Set<String> ALWAYS_POSTS = Set.of("post", "page");

    @Override
    void parse(XMLStreamReader r, ImportSink sink, BadRecords bad) throws XMLStreamException {
        while (Xml.nextElement(r, "item")) {
            readItem(r, sink, bad);
        }
    }

    private void readItem(XMLStreamReader r, ImportSink sink, BadRecords bad) throws XMLStreamException {
        Item item = new Item(where());
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "title" -> item.title = html(Xml.text(r));
                case "link" -> item.link = Xml.text(r);
                case "creator" -> item.author = html(Xml.text(r));
                case "post_id" -> item.id = Xml.text(r);
                case "post_type" -> item.type = Xml.text(r);
                case "post_date_gmt" -> item.dateGmt = Xml.text(r);
                case "post_date" -> item.date = Xml.text(r);
                case "comment" -> comment(r, item, sink, bad);
                default -> Xml.skip(r);
            }
        }
        if (!item.tried && ALWAYS_POSTS.contains(item.type)) {
            item.emit(sink, bad);
        }
    }

    /** A comment of an item whose post could not be read is skipped with it (counted, not listed one by one). */
    private void comment(XMLStreamReader r, Item item, ImportSink sink, BadRecords bad) throws XMLStreamException {
        String at = where();
        if (!item.emit(sink, bad)) {
            Xml.skip(r);
            sink.skipped("comment of an unusable item");
            return;
        }
        try {
            readComment(r, item.id, sink, at);
        } catch (BadRecordException e) {
            bad.skip(at, e);
        }
    }

    private void readComment(XMLStreamReader r, String postId, ImportSink sink, String at) throws XMLStreamException {
        CommentDraft c = new CommentDraft();
        c.postSourceId = postId;
        c.status = null;
        String gmt = null;
        String local = null;
        String type = "";
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "comment_id" -> c.sourceId = Xml.text(r);
                case "comment_author" -> c.authorName = html(Xml.text(r));
                case "comment_author_email" -> c.authorEmail = Xml.text(r);
                case "comment_author_url" -> c.authorUrl = Xml.text(r);
                case "comment_author_IP" -> c.authorIp = Xml.text(r);
                case "comment_agent" -> c.userAgent = Xml.text(r);
                case "comment_date" -> local = Xml.text(r);
                case "comment_date_gmt" -> gmt = Xml.text(r);
                case "comment_content" -> c.body = Xml.rawText(r);
                case "comment_approved" -> approval(c, Xml.text(r));
                case "comment_type" -> type = Xml.text(r);
                case "comment_parent" -> c.parentSourceId = parent(Xml.text(r));
                case "commentmeta" -> readMeta(r, c);
                default -> Xml.skip(r);
            }
        }
        if (type.equals("note")) {
            sink.skipped("note");
            return;
        }
        c.kind = type.equals("pingback") || type.equals("trackback") ? CommentKind.parse(type) : CommentKind.COMMENT;
        c.createdAt = Dates.wordpress(gmt, local, "comment " + (c.sourceId == null ? "" : c.sourceId));
        sink.comment(c.build(SYSTEM, "wp:comment", at));
    }

    /** 1 approved, 0 pending, spam and trash rejected with that reason; post-trashed counts as trash. */
    static void approval(CommentDraft c, String value) {
        switch (value) {
            case "1", "approve", "approved" -> c.status = Status.APPROVED;
            case "spam" -> reject(c, "spam");
            case "trash", "post-trashed" -> reject(c, "trash");
            default -> c.status = Status.PENDING;
        }
    }

    private static void reject(CommentDraft c, String reason) {
        c.status = Status.REJECTED;
        c.reason = reason;
    }

    private static String parent(String id) {
        return id.isEmpty() || id.equals("0") ? null : id;
    }

    /** HTML entities decoded once: WordPress escapes these fields before writing them into the XML. */
    static String html(String text) {
        return text == null || text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static void readMeta(XMLStreamReader r, CommentDraft c) throws XMLStreamException {
        String key = null;
        String value = null;
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "meta_key" -> key = Xml.text(r);
                case "meta_value" -> value = Xml.rawText(r);
                default -> Xml.skip(r);
            }
        }
        if (key != null && !key.isEmpty()) {
            c.meta(key, value);
        }
    }

    private static final class Item {
        final String at;
        String title;
        String link;
        String author;
        String id;
        String type = "post";
        String dateGmt;
        String date;
        boolean tried;
        boolean usable;

        Item(String at) {
            this.at = at;
        }

        /** Sends the post once; false when it cannot be read (then it and its comments are skipped). */
        boolean emit(ImportSink sink, BadRecords bad) {
            if (!tried) {
                tried = true;
                try {
                    if (CommentDraft.blank(id)) {
                        throw new BadRecordException("item \"" + title + "\" has no wp:post_id (it and its comments"
                                + " are skipped)");
                    }
                    Instant published = Dates.wordpressOrNull(dateGmt, date, "post " + id);
                    sink.post(new ImportedPost(SYSTEM, id.strip(), title == null ? "" : title,
                            CommentDraft.emptyToNull(link), CommentDraft.emptyToNull(author), published));
                    usable = true;
                } catch (BadRecordException e) {
                    bad.skip(at, e);
                }
            }
            return usable;
        }
    }
}
