package dev.modq.cli;

import dev.modq.cli.output.Field;
import dev.modq.core.AuditEntry;

import java.util.List;

/** The fields of `modq log` (and of `show`'s history): names are the JSON and CSV contract. */
final class AuditFields {

    static final List<Field<AuditEntry>> ALL = List.of(
            new Field<>("id", 6, AuditEntry::id),
            new Field<>("at", 16, AuditEntry::at),
            new Field<>("moderator", 12, AuditEntry::moderator),
            new Field<>("actor", 12, AuditEntry::actor),
            new Field<>("comment_id", 10, AuditEntry::commentId),
            new Field<>("action", 7, AuditEntry::action),
            new Field<>("from_status", 11, e -> e.fromStatus() == null ? null : e.fromStatus().label()),
            new Field<>("to_status", 9, e -> e.toStatus() == null ? null : e.toStatus().label()),
            new Field<>("reason", 10, AuditEntry::reason),
            new Field<>("from_reason", 11, AuditEntry::fromReason),
            new Field<>("note", 16, AuditEntry::note),
            new Field<>("batch_id", 22, AuditEntry::batchId),
            new Field<>("undo_of", 7, AuditEntry::undoOf),
            new Field<>("version_after", 13, AuditEntry::versionAfter),
            new Field<>("subject", 12, AuditEntry::subject),
            new Field<>("from_role", 9, e -> e.fromRole() == null ? null : e.fromRole().label()),
            new Field<>("to_role", 9, e -> e.toRole() == null ? null : e.toRole().label()),
            new Field<>("chain_version", 13, AuditEntry::chainVersion),
            new Field<>("prev_hash", 64, AuditEntry::prevHash),
            new Field<>("hash", 64, AuditEntry::hash));

    static final String TABLE_DEFAULT = "id,at,moderator,action,comment_id,from_status,to_status,batch_id,reason";

    private AuditFields() {
    }
}
