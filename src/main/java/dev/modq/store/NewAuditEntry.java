package dev.modq.store;

import dev.modq.core.Status;

/** An audit row to append; the store assigns id, time, and the hash chain. */
public record NewAuditEntry(String moderator, long commentId, String action, Status fromStatus, Status toStatus,
                            String reason, String fromReason, String note, String batchId, Long undoOf,
                            long versionAfter) {
}
