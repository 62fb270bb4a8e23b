package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * modq's own flat record, shared by JSON lines and CSV (documented in docs/import-formats.md). Every id is
 * the id in the source system; {@code source} names that system (default "import").
 */
final class Columns {

    static final String DEFAULT_SOURCE = "import";
    static final List<String> REQUIRED = List.of("post_id", "comment_id", "created_at");
    static final List<String> ALL = List.of("source", "post_id", "post_title", "post_url", "comment_id", "parent_id",
            "author_name", "author_email", "author_url", "author_ip", "user_agent", "body", "created_at", "status",
            "reason", "kind");

    private String lastPostKey;

    /** Emits the record's post (unless it is the same as the previous record's) and its comment. */
    void emit(Map<String, String> record, Map<String, String> meta, ImportSink sink) {
        for (String column : REQUIRED) {
            if (CommentDraft.blank(record.get(column))) {
                throw new BadRecordException("the record has no " + column + " (required: " + REQUIRED + ")");
            }
        }
        String source = CommentDraft.blank(record.get("source")) ? DEFAULT_SOURCE : record.get("source").strip();
        ImportedPost post = new ImportedPost(source, record.get("post_id").strip(), record.get("post_title"),
                CommentDraft.emptyToNull(record.get("post_url")), null, null);
        String postKey = source + '\u0000' + post.sourceId() + '\u0000' + post.title() + '\u0000' + post.url();
        if (!Objects.equals(postKey, lastPostKey)) {
            sink.post(post);
            lastPostKey = postKey;
        }
        sink.comment(comment(record, meta, source));
    }

    private static ImportedComment comment(Map<String, String> r, Map<String, String> meta, String source) {
        String id = r.get("comment_id").strip();
        return new ImportedComment(source, id, r.get("post_id").strip(), CommentDraft.emptyToNull(r.get("parent_id")),
                r.get("author_name"), CommentDraft.emptyToNull(r.get("author_email")),
                CommentDraft.emptyToNull(r.get("author_url")), CommentDraft.emptyToNull(r.get("author_ip")),
                CommentDraft.emptyToNull(r.get("user_agent")), r.get("body"), kind(r.get("kind")),
                Dates.iso(r.get("created_at"), "comment " + id), status(r.get("status")),
                CommentDraft.emptyToNull(r.get("reason")), meta);
    }

    private static Status status(String text) {
        try {
            return CommentDraft.blank(text) ? Status.PENDING : Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
    }

    private static CommentKind kind(String text) {
        try {
            return CommentKind.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
    }
}
