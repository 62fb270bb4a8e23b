package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Reasons;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.Map;

/**
 * A comment as read from an export: everything is keyed by source ids (its own, its post's, its parent's),
 * which the sink resolves to modq row ids. The body is raw, as exported (often HTML).
 */
public record ImportedComment(String sourceSystem, String sourceId, String postSourceId, String parentSourceId,
                              String authorName, String authorEmail, String authorUrl, String authorIp,
                              String userAgent, String body, CommentKind kind, Instant createdAt,
                              Status status, String reason, Map<String, String> meta) {

    public ImportedComment {
        authorName = authorName == null ? "" : authorName;
        body = body == null ? "" : body;
        kind = kind == null ? CommentKind.COMMENT : kind;
        status = status == null ? Status.PENDING : status;
        reason = Reasons.normalise(reason);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }
}
