package dev.modq.core;

import java.time.Instant;

/** One row of the append-only audit log. {@code action} is approve, reject, flag or undo. */
public record AuditEntry(long id, Instant at, String moderator, long commentId, String action,
                         Status fromStatus, Status toStatus, String reason, String fromReason, String note,
                         String batchId, Long undoOf, long versionAfter, String prevHash, String hash) {
}
