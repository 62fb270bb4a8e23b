package dev.modq.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * modq's own flat record, shared by JSON lines and CSV (documented in docs/import-formats.md). Every id is
 * the id in the source system; {@code source} names that system (default "import").
 * A column that is absent (or null in JSON, or an empty cell in CSV) means "unknown": an existing post or
 * comment keeps its value. Only the ids are required; a new comment also needs created_at.
 */
final class Columns {

    static final String DEFAULT_SOURCE = "import";
    static final List<String> REQUIRED = List.of("post_id", "comment_id");
    static final List<String> ALL = List.of("source", "post_id", "post_title", "post_url", "post_author",
            "post_published_at", "comment_id", "parent_id", "author_name", "author_email", "author_url", "author_ip",
            "user_agent", "body", "created_at", "status", "reason", "kind", "meta");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private String lastPostKey;

    /** Emits the record's post (unless it is the same as the previous record's) and its comment. */
    void emit(Map<String, String> record, Map<String, String> meta, ImportSink sink, String place) {
        for (String column : REQUIRED) {
            if (CommentDraft.blank(record.get(column))) {
                throw new BadRecordException("the record has no " + column + " (required: " + REQUIRED + ")");
            }
        }
        String source = CommentDraft.blank(record.get("source")) ? DEFAULT_SOURCE : record.get("source").strip();
        String postId = record.get("post_id").strip();
        ImportedPost post = new ImportedPost(source, postId, record.get("post_title"),
                record.get("post_url"), record.get("post_author"),
                Dates.isoOrNull(record.get("post_published_at"), "post " + postId), false);
        String postKey = String.join("\u0000", source, postId, String.valueOf(post.title()), String.valueOf(post.url()),
                String.valueOf(post.author()), String.valueOf(post.publishedAt()));
        ImportedComment comment = comment(record, meta, source, place);
        if (!Objects.equals(postKey, lastPostKey)) {
            sink.post(post);
            lastPostKey = postKey;
        }
        sink.comment(comment);
    }

    private static ImportedComment comment(Map<String, String> r, Map<String, String> meta, String source,
                                           String place) {
        String id = r.get("comment_id").strip();
        return new ImportedComment(source, id, r.get("post_id").strip(), CommentDraft.emptyToNull(r.get("parent_id")),
                r.get("author_name"), r.get("author_email"), r.get("author_url"), r.get("author_ip"),
                r.get("user_agent"), r.get("body"), kind(r.get("kind")),
                Dates.isoOrNull(r.get("created_at"), "comment " + id), status(r.get("status")),
                r.get("reason"), meta, place);
    }

    private static Status status(String text) {
        try {
            return CommentDraft.blank(text) ? null : Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
    }

    private static CommentKind kind(String text) {
        try {
            return CommentDraft.blank(text) ? null : CommentKind.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
        }
    }

    /** A CSV cell holding the meta object as JSON text ({@code {"key":"value"}}); empty means none given. */
    static Map<String, String> metaFromJson(String text) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (CommentDraft.blank(text)) {
            return meta;
        }
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("the meta column is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken value = json.nextToken();
                if (value.isStructStart()) {
                    json.skipChildren();
                } else if (meta.size() >= Limits.MAX_META_KEYS) {
                    throw new BadRecordException("more than " + Limits.MAX_META_KEYS + " meta keys: a broken export");
                } else {
                    meta.put(key, value == JsonToken.VALUE_NULL ? null : json.getText());
                }
            }
            return meta;
        } catch (IOException e) {
            throw new BadRecordException("the meta column is not valid JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }
}
