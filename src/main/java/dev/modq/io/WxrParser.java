package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.util.Set;

/**
 * WordPress eXtended RSS 1.0-1.2: each {@code <item>} is a post with {@code <wp:comment>} children.
 * Posts and pages always become posts; other item types (attachments, menu items...) only when they have comments.
 */
final class WxrParser extends XmlParser {

    static final String SYSTEM = "wordpress";
    private static final Set<String> ALWAYS_POSTS = Set.of("post", "page");

    @Override
    public void parse(InputFile in, ImportSink sink, ImportCounts counts) throws Exception {
        XMLStreamReader r = open(in, counts);
        while (Xml.nextElement(r, "item")) {
            readItem(r, sink);
        }
    }

    private void readItem(XMLStreamReader r, ImportSink sink) throws XMLStreamException {
        Item item = new Item();
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "title" -> item.title = Xml.text(r);
                case "link" -> item.link = Xml.text(r);
                case "creator" -> item.author = Xml.text(r);
                case "post_id" -> item.id = Xml.text(r);
                case "post_type" -> item.type = Xml.text(r);
                case "post_date_gmt" -> item.dateGmt = Xml.text(r);
                case "post_date" -> item.date = Xml.text(r);
                case "comment" -> readComment(r, item.emit(sink), sink);
                default -> Xml.skip(r);
            }
        }
        if (!item.emitted && ALWAYS_POSTS.contains(item.type)) {
            item.emit(sink);
        }
    }

    private void readComment(XMLStreamReader r, String postId, ImportSink sink) throws XMLStreamException {
        CommentDraft c = new CommentDraft();
        c.postSourceId = postId;
        String gmt = null;
        String local = null;
        String type = "";
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "comment_id" -> c.sourceId = Xml.text(r);
                case "comment_author" -> c.authorName = Xml.text(r);
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
        sink.comment(c.build(SYSTEM, "wp:comment"));
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
            c.meta.put(key, value);
        }
    }

    private static final class Item {
        String title;
        String link;
        String author;
        String id;
        String type = "post";
        String dateGmt;
        String date;
        boolean emitted;

        String emit(ImportSink sink) {
            if (!emitted) {
                if (CommentDraft.blank(id)) {
                    throw new BadRecordException("item \"" + title + "\" has no wp:post_id");
                }
                Instant published = Dates.wordpressOrNull(dateGmt, date, "post " + id);
                sink.post(new ImportedPost(SYSTEM, id, title, CommentDraft.emptyToNull(link),
                        CommentDraft.emptyToNull(author), published));
                emitted = true;
            }
            return id;
        }
    }
}
