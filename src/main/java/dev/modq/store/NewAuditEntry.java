package dev.modq.store;

import dev.modq.core.AuditEntry;
import dev.modq.core.Role;
import dev.modq.core.Status;

/**
 * An audit row to append; the store assigns id, time, chain version and the hash chain. {@code actor} is the
 * operating-system user who really acted; {@code moderator} the name the entry is attributed to.
 */
public record NewAuditEntry(String moderator, String actor, Long commentId, String action, Status fromStatus,
                            Status toStatus, String reason, String fromReason, String note, String batchId,
                            Long undoOf, long versionAfter, String subject, Role fromRole, Role toRole) {

    /** A decision or an undo of one comment. */
    public static NewAuditEntry decision(String moderator, String actor, long commentId, String action, Status from,
                                         Status to, String reason, String fromReason, String note, String batchId,
                                         Long undoOf, long versionAfter) {
        return new NewAuditEntry(moderator, actor, commentId, action, from, to, reason, fromReason, note, batchId,
                undoOf, versionAfter, null, null, null);
    }

    /** A comment deleted for good: its last status and reason, and its version when it went. */
    public static NewAuditEntry purge(String moderator, String actor, CommentState gone, String note, String batchId) {
        return new NewAuditEntry(moderator, actor, gone.id(), AuditEntry.PURGE, gone.status(), null, gone.reason(),
                null, note, batchId, null, gone.version(), null, null, null);
    }

    /** A roster change: {@code subject} went from {@code fromRole} (null: not on the roster) to {@code toRole}. */
    public static NewAuditEntry roster(String moderator, String actor, String action, String subject, Role fromRole,
                                       Role toRole, String note, String batchId) {
        return new NewAuditEntry(moderator, actor, null, action, null, null, null, null, note, batchId, null, 0,
                subject, fromRole, toRole);
    }

    /** A rule or word-list change: {@code subject} is {@code rule:NAME} or {@code list:NAME}, {@code note} what it became. */
    public static NewAuditEntry ruleChange(String moderator, String actor, String action, String subject, String note,
                                           String batchId) {
        return new NewAuditEntry(moderator, actor, null, action, null, null, null, null, note, batchId, null, 0,
                subject, null, null);
    }
}
