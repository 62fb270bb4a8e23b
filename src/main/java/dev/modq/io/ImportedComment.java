package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Reasons;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.Map;

/**
 * A comment as read from an export: everything is keyed by source ids (its own, its post's, its parent's),
 * which the store resolves to modq row ids. The body is raw, as exported (often HTML).
 * <p>A null field means the export did not say (a partial row): an existing comment keeps what it has, a new one
 * gets the default (empty author and body, kind comment, status pending). Only {@code createdAt} has no default:
 * a new comment without a date is skipped as a bad record. {@code meta} never removes keys.
 * {@code place} is "line:column" of the record in its file, for messages.
 */
public record ImportedComment(String sourceSystem, String sourceId, String postSourceId, String parentSourceId,
                              String authorName, String authorEmail, String authorUrl, String authorIp,
                              String userAgent, String body, CommentKind kind, Instant createdAt,
                              Status status, String reason, Map<String, String> meta, String place) {

    public ImportedComment {
        reason = Reasons.normalise(reason);
        meta = meta == null ? Map.of() : withoutNullValues(meta);
    }

    /** A meta key exported with a NULL value (modq allows it) carries nothing to import; Map.copyOf refuses nulls. */
    private static Map<String, String> withoutNullValues(Map<String, String> meta) {
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        meta.forEach((key, value) -> {
            if (key != null && value != null) {
                kept.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(kept);
    }
}
