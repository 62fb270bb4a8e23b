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
    public void parse(InputFile in, ImportSink sink, ImportCounts counts) throws Exception {
        XMLStreamReader r = open(in, counts);
        if (!Xml.nextElement(r, "disqus")) {
            throw new BadRecordException("expected a <disqus> root element");
        }
        while (Xml.nextChild(r)) {
            switch (Xml.name(r)) {
                case "thread" -> readThread(r, sink);
                case "post" -> readPost(r, sink);
                default -> Xml.skip(r);
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

    private void readPost(XMLStreamReader r, ImportSink sink) throws XMLStreamException {
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
        sink.comment(c.build(SYSTEM, "<post>"));
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
            c.meta.put("disqus_username", username);
        }
        return c;
    }
}
