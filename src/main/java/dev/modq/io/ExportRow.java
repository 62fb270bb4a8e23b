package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.time.Instant;

/**
 * One comment as exported: its content, source ids, state, the latest decision taken in modq (if any), its post's
 * author and date, and its metadata as a JSON object (null when it has none): all an import needs to rebuild it.
 */
public record ExportRow(long id, long postId, String sourceSystem, String sourceId, String postSourceId, String postTitle,
                        String postUrl, String parentSourceId, String authorName, String authorEmail,
                        String authorUrl, String authorIp, String userAgent, String body, CommentKind kind,
                        Instant createdAt, Status status, String reason, long version,
                        String decidedBy, Instant decidedAt, String decision, String postAuthor,
                        Instant postPublishedAt, String metaJson, long decisionId) {
}
