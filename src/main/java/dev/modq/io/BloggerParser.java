package dev.modq.io;

import dev.modq.core.Status;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Blogger's Atom exports. The 2008 format (Blogger's own export): entries of kind#post and kind#page become posts,
 * kind#comment entries comments on the entry their thr:in-reply-to names; a "related" link to another comment
 * makes that comment the parent; only published comments are exported, so they arrive approved. Google Takeout's
 * 2018 format ({@code feed.atom}): {@code blogger:type} POST, PAGE or COMMENT, {@code blogger:parent} naming a
 * comment's post, {@code blogger:status} (LIVE approved, SPAM rejected as spam, DELETED/TRASHED rejected as
 * trash, anything else pending), {@code blogger:filename} as the post's link when there is no alternate link.
 * Settings and template entries are ignored.
 */
final class BloggerParser extends XmlParser {

    static final String SYSTEM = "blogger";
    private static final String KIND_SCHEME = "http://schemas.google.com/g/2005#kind";

    @Override
    void parse(XMLStreamReader r, ImportSink sink, BadRecords bad) throws XMLStreamException {
        while (Xml.nextElement(r, "entry")) {
            String at = where();
            try {
                readEntry(r, sink, at);
            } catch (BadRecordException e) {
                bad.skip(at, e);
            }
        }
    }

    private void readEntry(XMLStreamReader r, ImportSink sink, String at) throws XMLStreamException {
        Entry e = new Entry(at);
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "id" -> e.id = Xml.text(r);
                case "published" -> e.published = Xml.text(r);
                case "title" -> e.title = Xml.text(r);
                case "content" -> e.content = Xml.rawText(r);
                case "author" -> readAuthor(r, e.comment);
                case "category" -> e.kind(Xml.attr(r, "scheme"), Xml.attr(r, "term"), r);
                case "link" -> e.link(Xml.attr(r, "rel"), Xml.attr(r, "href"), r);
                case "in-reply-to" -> e.replyTo(Xml.attr(r, "ref"), r);
                case "type" -> e.kind = Xml.text(r).toLowerCase(java.util.Locale.ROOT);
                case "status" -> e.status = Xml.text(r);
                case "parent" -> e.comment.postSourceId = Xml.text(r);
                case "inReplyTo" -> e.comment.parentSourceId = Xml.text(r);
                case "filename" -> e.filename = Xml.text(r);
                default -> Xml.skip(r);
            }
        }
        e.emit(sink);
    }

    private static void readAuthor(XMLStreamReader r, CommentDraft c) throws XMLStreamException {
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "name" -> c.authorName = Xml.text(r);
                case "email" -> c.authorEmail = Xml.text(r);
                case "uri" -> c.authorUrl = Xml.text(r);
                default -> Xml.skip(r);
            }
        }
    }

    private static final class Entry {
        String id;
        String published;
        String title = "";
        String content;
        String kind = "";
        String alternate;
        String relatedComment;
        String status;
        String filename;
        final CommentDraft comment = new CommentDraft();
        final String at;

        Entry(String at) {
            this.at = at;
        }

        void kind(String scheme, String term, XMLStreamReader r) throws XMLStreamException {
            if (KIND_SCHEME.equals(scheme) && term != null) {
                kind = term.substring(term.lastIndexOf('#') + 1);
            }
            Xml.skip(r);
        }

        void link(String rel, String href, XMLStreamReader r) throws XMLStreamException {
            if ("alternate".equals(rel)) {
                alternate = href;
            } else if ("related".equals(rel) && href != null && href.contains("/comments/")) {
                relatedComment = href.substring(href.lastIndexOf('/') + 1);
            }
            Xml.skip(r);
        }

        void replyTo(String ref, XMLStreamReader r) throws XMLStreamException {
            comment.postSourceId = ref;
            Xml.skip(r);
        }

        void emit(ImportSink sink) {
            switch (kind) {
                case "post", "page" -> sink.post(new ImportedPost(SYSTEM, required(), title,
                        CommentDraft.emptyToNull(alternate != null ? alternate : filename),
                        CommentDraft.emptyToNull(comment.authorName),
                        Dates.isoOrNull(published, "entry " + id)));
                case "comment" -> emitComment(sink);
                default -> { } // settings, template: not content
            }
        }

        private void emitComment(ImportSink sink) {
            comment.sourceId = required();
            comment.body = content;
            status();
            comment.createdAt = Dates.iso(published, "comment " + id);
            String related = parentId();
            if (related != null) {
                comment.parentSourceId = related;
            }
            sink.comment(comment.build(SYSTEM, "comment entry", at));
        }

        /**
         * The 2008 export has only published comments (approved); Takeout's 2018 format says LIVE, or SPAM,
         * DELETED/TRASHED, or something else (pending).
         */
        private void status() {
            String s = status == null ? "LIVE" : status.strip().toUpperCase(java.util.Locale.ROOT);
            comment.status = switch (s) {
                case "LIVE" -> Status.APPROVED;
                case "SPAM", "DELETED", "TRASHED", "SOFT_TRASHED" -> Status.REJECTED;
                default -> Status.PENDING;
            };
            comment.reason = s.equals("SPAM") ? "spam" : comment.status == Status.REJECTED ? "trash" : null;
        }

        /** Comment ids look like tag:blogger.com,1999:blog-1.post-99; the related link ends in the parent's 99. */
        private String parentId() {
            int at = id.lastIndexOf(".post-");
            if (relatedComment == null || relatedComment.isEmpty() || at < 0) {
                return null;
            }
            return id.substring(0, at) + ".post-" + relatedComment;
        }

        private String required() {
            if (CommentDraft.blank(id)) {
                throw new BadRecordException("<entry> of kind " + kind + " has no <id>");
            }
            return id;
        }
    }
}
