package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.ModeratorKey;
import dev.modq.core.SshPublicKey;
import dev.modq.store.AccessStore;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.Store;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.util.List;

/**
 * The SSH keys that speak for moderators ({@code modq serve}). Adding and removing are admin work, like roster
 * changes: checked under the write lock and audited in the same transaction (subject: the moderator; note: the
 * key's fingerprint and comment).
 */
public final class KeyService {

    private final String db;
    private final AccessStore access;
    private final Moderator actor;
    private final String osUser;
    private final Clock clock;

    public KeyService(Store store, AccessStore access, Moderator actor, String osUser, Clock clock) {
        this.db = store.address();
        this.access = access;
        this.actor = actor;
        this.osUser = osUser;
        this.clock = clock;
    }

    /** Gives {@code key} to moderator {@code name}, who must be on the roster and active. */
    public ModeratorKey add(String name, SshPublicKey key) {
        ModeratorKey row = new ModeratorKey(key.fingerprint(), name, key.type(), key.keyText(), key.comment(),
                actor.name(), clock.instant());
        access.addKey(row, tx -> {
            RosterCheck.requireAdmin(tx, actor.name(), db, clock.instant());
            Moderator m = tx.moderator(name).orElseThrow(() -> new IllegalArgumentException("no moderator named '"
                    + name + "' (add them first: `modq moderator add " + name + "`)"));
            if (m.disabled()) {
                throw new IllegalArgumentException(name + " is removed; re-enable them first (`modq moderator add "
                        + name + "`)");
            }
            record(tx, AuditEntry.MODERATOR_KEY_ADD, name, note(row));
        });
        return row;
    }

    /** Takes the key with this fingerprint away from whoever has it. */
    public ModeratorKey remove(String fingerprint) {
        return access.removeKey(fingerprint, (tx, gone) -> {
            RosterCheck.requireAdmin(tx, actor.name(), db, clock.instant());
            record(tx, AuditEntry.MODERATOR_KEY_REMOVE, gone.moderator(), note(gone));
        });
    }

    public List<ModeratorKey> list(String moderator) {
        return access.keys(moderator);
    }

    private static String note(ModeratorKey k) {
        return k.fingerprint() + (k.comment() == null ? "" : " " + k.comment());
    }

    private void record(WriteTransaction tx, String action, String subject, String note) {
        tx.appendAll(List.of(NewAuditEntry.roster(actor.name(), osUser, action, subject, null, null, note,
                BatchIds.next(clock.instant()))));
    }
}
