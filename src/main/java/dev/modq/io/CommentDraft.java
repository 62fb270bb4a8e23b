package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A comment being assembled field by field by an XML parser. */
final class CommentDraft {

    String sourceId;
    String postSourceId;
    String parentSourceId;
    String authorName;
    String authorEmail;
    String authorUrl;
    String authorIp;
    String userAgent;
    String body;
    CommentKind kind = CommentKind.COMMENT;
    Instant createdAt;
    Status status = Status.PENDING;
    String reason;
    final Map<String, String> meta = new LinkedHashMap<>();
    private long metaDropped;

    /** Adds a metadata entry; past {@link Limits#MAX_META_KEYS} the record is refused when built. */
    void meta(String key, String value) {
        if (meta.size() < Limits.MAX_META_KEYS || meta.containsKey(key)) {
            meta.put(key, value);
        } else {
            metaDropped++;
        }
    }

    ImportedComment build(String sourceSystem, String what, String place) {
        if (metaDropped > 0) {
            throw new BadRecordException(what + " " + sourceId + " has more than " + Limits.MAX_META_KEYS
                    + " metadata keys (" + (meta.size() + metaDropped) + "): a broken export");
        }
        if (blank(sourceId)) {
            throw new BadRecordException(what + " has no id");
        }
        if (blank(postSourceId)) {
            throw new BadRecordException(what + " " + sourceId + " names no post");
        }
        if (createdAt == null) {
            throw new BadRecordException(what + " " + sourceId + " has no date");
        }
        return new ImportedComment(sourceSystem, sourceId.strip(), postSourceId.strip(),
                blank(parentSourceId) ? null : parentSourceId.strip(), authorName, emptyToNull(authorEmail),
                emptyToNull(authorUrl), emptyToNull(authorIp), emptyToNull(userAgent), body, kind, createdAt,
                status, reason, meta, place);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}
