package dev.modq.core;

import java.time.Instant;

/** One comment as stored: {@code body} is raw (may be HTML and hostile); sanitise before display. */
public record Comment(long id, long postId, Long parentId,
                      String authorName, String authorEmail, String authorUrl, String authorIp, String userAgent,
                      String body, CommentKind kind, Instant createdAt,
                      Status status, String reason, long version,
                      String sourceSystem, String sourceId) {
}
