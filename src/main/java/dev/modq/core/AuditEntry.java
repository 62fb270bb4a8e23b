package dev.modq.core;

import java.time.Instant;

/**
 * One row of the append-only audit log. {@code action} is a decision (approve, reject, flag), undo, purge (the
 * comment was deleted for good) or a roster change (moderator_add, moderator_remove, moderator_role).
 * {@code moderator} is who the entry is attributed to ({@code --as}), {@code actor} the operating-system user who
 * really ran modq (null on entries written before schema V002). Roster entries have no comment and no statuses;
 * they name the {@code subject} and its roles. {@code chainVersion} says which hash rule covers the entry.
 */
public record AuditEntry(long id, Instant at, String moderator, String actor, Long commentId, String action,
                         Status fromStatus, Status toStatus, String reason, String fromReason, String note,
                         String batchId, Long undoOf, long versionAfter, String subject, Role fromRole, Role toRole,
                         int chainVersion, String prevHash, String hash) {

    public static final String PURGE = "purge";
    public static final String MODERATOR_ADD = "moderator_add";
    public static final String MODERATOR_REMOVE = "moderator_remove";
    public static final String MODERATOR_ROLE = "moderator_role";
    /** An SSH key given to or taken from a moderator (subject: the moderator; note: fingerprint and comment). */
    public static final String MODERATOR_KEY_ADD = "moderator_key_add";
    public static final String MODERATOR_KEY_REMOVE = "moderator_key_remove";
    /** An auto run marked a pending comment as held by a rule (its status stays pending). */
    public static final String HOLD = "hold";
    public static final String RULE_ADD = "rule_add";
    public static final String RULE_EDIT = "rule_edit";
    public static final String RULE_ENABLE = "rule_enable";
    public static final String RULE_DISABLE = "rule_disable";
    public static final String RULE_REMOVE = "rule_remove";
    public static final String WORDS_ADD = "words_add";
    public static final String WORDS_REMOVE = "words_remove";

    public boolean isRosterChange() {
        return action.startsWith("moderator_");
    }
}
