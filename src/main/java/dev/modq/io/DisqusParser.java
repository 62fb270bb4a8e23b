package dev.modq.io;

import dev.modq.core.Status;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Disqus XML export: {@code <thread dsq:id>} elements become posts, {@code <post dsq:id>} elements comments.
 * Spam is rejected (reason spam), deleted is rejected (reason deleted), unapproved is pending, the rest approved.
 * A post whose thread never appears goes under a placeholder post (the sink counts these as orphans).
 */
final class DisqusParser extends XmlParser {

    static final String SYSTEM = "disqus";

    @Override
    void parse(XMLStreamReader r, ImportSink sink, BadRecords bad) throws XMLStreamException {
        if (!Xml.name(r).equals("disqus")) {
            throw new BadRecordException("expected a <disqus> root element, found <" + Xml.name(r) + ">");
        }
        while (Xml.nextChild(r)) {
            String at = where();
            try {
                switch (Xml.name(r)) {
                    case "thread" -> readThread(r, sink);
                    case "post" -> readPost(r, sink, at);
                    default -> Xml.skip(r);
                }
            } catch (BadRecordException e) {
                bad.skip(at, e);
            }
        }
    }

    private void readThread(XMLStreamReader r, ImportSink sink) throws XMLStreamException {
        String id = Xml.attr(r, "id");
        String title = "";
        String link = null;
        String author = null;
        String created = null;
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "title" -> title = Xml.text(r);
                case "link" -> link = Xml.text(r);
                case "createdAt" -> created = Xml.text(r);
                case "author" -> author = readAuthor(r, new CommentDraft()).authorName;
                default -> Xml.skip(r);
            }
        }
        if (CommentDraft.blank(id)) {
            throw new BadRecordException("<thread> has no dsq:id attribute");
        }
        sink.post(new ImportedPost(SYSTEM, id.strip(), title, CommentDraft.emptyToNull(link),
                CommentDraft.emptyToNull(author), Dates.isoOrNull(created, "thread " + id)));
    }

    private void readPost(XMLStreamReader r, ImportSink sink, String at) throws XMLStreamException {
        CommentDraft c = new CommentDraft();
        c.sourceId = Xml.attr(r, "id");
        c.status = Status.APPROVED;
        boolean spam = false;
        boolean deleted = false;
        boolean unapproved = false;
        String created = null;
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "message" -> c.body = Xml.rawText(r);
                case "createdAt" -> created = Xml.text(r);
                case "isSpam" -> spam = Boolean.parseBoolean(Xml.text(r));
                case "isDeleted" -> deleted = Boolean.parseBoolean(Xml.text(r));
                case "isApproved" -> unapproved = !Boolean.parseBoolean(Xml.text(r));
                case "ipAddress" -> c.authorIp = Xml.text(r);
                case "author" -> readAuthor(r, c);
                case "thread" -> c.postSourceId = idOf(r);
                case "parent" -> c.parentSourceId = idOf(r);
                default -> Xml.skip(r);
            }
        }
        if (CommentDraft.blank(c.sourceId)) {
            throw new BadRecordException("<post> has no dsq:id attribute");
        }
        c.createdAt = Dates.iso(created, "post " + c.sourceId);
        if (spam) {
            c.status = Status.REJECTED;
            c.reason = "spam";
        } else if (deleted) {
            c.status = Status.REJECTED;
            c.reason = "deleted";
        } else if (unapproved) {
            c.status = Status.PENDING;
        }
        sink.comment(c.build(SYSTEM, "<post>", at));
    }

    private static String idOf(XMLStreamReader r) throws XMLStreamException {
        String id = Xml.attr(r, "id");
        Xml.skip(r);
        return id;
    }

    private static CommentDraft readAuthor(XMLStreamReader r, CommentDraft c) throws XMLStreamException {
        String username = null;
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "name" -> c.authorName = Xml.text(r);
                case "email" -> c.authorEmail = Xml.text(r);
                case "username" -> username = Xml.text(r);
                default -> Xml.skip(r);
            }
        }
        if (CommentDraft.blank(c.authorName)) {
            c.authorName = username;
        }
        if (!CommentDraft.blank(username)) {
            c.meta("disqus_username", username);
        }
        return c;
    }
}
