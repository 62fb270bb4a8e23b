package dev.modq.tui;

import dev.modq.core.AuthorHistory;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.List;

/**
 * The selected comment in full, every string already sanitised ({@code body} keeps line breaks, all other
 * fields are one line). {@code hadControls} is set when the sanitiser changed anything in any field.
 * {@code lastChange} is its newest audit entry (who changed it last), null when it was never decided.
 * {@code score} is the spam score's headline ("Score 97 · likely spam") and its why-lines, sanitised; empty when
 * the store keeps no scores. {@code rules}: the auto-moderation rules that match it and the one holding it.
 */
public record Detail(long id, long version, Status status, String reason, Instant createdAt,
                     String authorName, String authorEmail, String authorIp, String authorUrl,
                     AuthorHistory history, String postTitle, String postUrl,
                     Long parentId, String parentAuthor, String parentExcerpt,
                     String body, List<Link> links, boolean hadControls, Change lastChange, List<String> score,
                     RuleNotes rules) {

    /** The enabled rules that match the comment ("name (then)"), and the rule that holds it (or ""). */
    public record RuleNotes(List<String> matching, String heldBy) {
        public static final RuleNotes NONE = new RuleNotes(List.of(), "");

        public RuleNotes {
            matching = List.copyOf(matching);
        }
    }

    /** A link of the body: its domain and its full address, both sanitised. */
    public record Link(String domain, String href) {
    }

    /** Who changed the comment last ({@code action} as in the audit log), and when. */
    public record Change(String moderator, String action, Instant at) {
    }

    public Detail {
        links = List.copyOf(links);
        score = score == null ? List.of() : List.copyOf(score);
        rules = rules == null ? RuleNotes.NONE : rules;
    }

    /** Without rule notes. */
    public Detail(long id, long version, Status status, String reason, Instant createdAt,
                  String authorName, String authorEmail, String authorIp, String authorUrl,
                  AuthorHistory history, String postTitle, String postUrl,
                  Long parentId, String parentAuthor, String parentExcerpt,
                  String body, List<Link> links, boolean hadControls, Change lastChange, List<String> score) {
        this(id, version, status, reason, createdAt, authorName, authorEmail, authorIp, authorUrl, history, postTitle,
                postUrl, parentId, parentAuthor, parentExcerpt, body, links, hadControls, lastChange, score, RuleNotes.NONE);
    }

    /** Without score lines or rule notes. */
    public Detail(long id, long version, Status status, String reason, Instant createdAt,
                  String authorName, String authorEmail, String authorIp, String authorUrl,
                  AuthorHistory history, String postTitle, String postUrl,
                  Long parentId, String parentAuthor, String parentExcerpt,
                  String body, List<Link> links, boolean hadControls, Change lastChange) {
        this(id, version, status, reason, createdAt, authorName, authorEmail, authorIp, authorUrl, history, postTitle,
                postUrl, parentId, parentAuthor, parentExcerpt, body, links, hadControls, lastChange, List.of());
    }

    public Detail(long id, long version, Status status, String reason, Instant createdAt,
                  String authorName, String authorEmail, String authorIp, String authorUrl,
                  AuthorHistory history, String postTitle, String postUrl,
                  Long parentId, String parentAuthor, String parentExcerpt,
                  String body, List<Link> links, boolean hadControls) {
        this(id, version, status, reason, createdAt, authorName, authorEmail, authorIp, authorUrl, history, postTitle,
                postUrl, parentId, parentAuthor, parentExcerpt, body, links, hadControls, null, List.of());
    }
}
