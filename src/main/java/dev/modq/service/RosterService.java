package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.ModeratorName;
import dev.modq.core.Role;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.Store;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Roster changes (add, remove, role): each is one write transaction that re-reads the acting admin's own entry
 * under the lock, refuses to leave the database without an active admin, and appends a hash-chained audit entry
 * naming the admin, the real operating-system user, the moderator changed and the roles before and after.
 */
public final class RosterService {

    private final Store store;
    private final Moderator actor;
    private final String osUser;
    private final Clock clock;

    public RosterService(Store store, Moderator actor, String osUser, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.osUser = osUser;
        this.clock = clock;
    }

    /**
     * Refuses at once, before any write, when the acting moderator is not an admin (each change checks again under
     * the write lock, where a role changed meanwhile is seen).
     */
    public void requireAdmin() {
        if (!actor.role().canManageModerators()) {
            throw new AccessDeniedException("only admins may change the roster; " + actor.name() + " is a "
                    + actor.role().label() + " (ask an admin)");
        }
    }

    /** Adds {@code name} with {@code role}, or re-enables a removed moderator with it. */
    public void add(String name, Role role) {
        ModeratorName.require(name);
        if (name.equals(AutoModerator.AUTO)) {
            // `auto` signs modq auto's batches, which any moderator may undo: a person by that name would share
            // its entries in the log and have their own batches undone by anyone
            throw new IllegalArgumentException("'" + AutoModerator.AUTO + "' is the name modq auto decides under;"
                    + " add the person under another name");
        }
        store.write("adding moderator " + name, tx -> {
            RosterCheck.requireAdmin(tx, actor.name(), store.address(), clock.instant());
            Optional<Moderator> before = tx.moderator(name);
            Role fromRole = before.filter(m -> !m.disabled()).map(Moderator::role).orElse(null);
            if (fromRole == Role.ADMIN && role != Role.ADMIN) {
                requireAnotherAdmin(tx, name, "make " + name + " a " + role.label());
            }
            tx.putModerator(name, role);
            record(tx, AuditEntry.MODERATOR_ADD, name, fromRole, role);
            return null;
        });
    }

    /** Disables {@code name}; their past decisions stay attributed to them. */
    public void remove(String name) {
        store.write("removing moderator " + name, tx -> {
            RosterCheck.requireAdmin(tx, actor.name(), store.address(), clock.instant());
            if (name.equals(actor.name())) {
                throw new IllegalArgumentException("you cannot remove yourself; ask another admin");
            }
            Moderator target = existing(tx, name);
            if (target.disabled()) {
                throw new IllegalArgumentException(name + " is already removed (`modq moderator add " + name
                        + "` re-enables)");
            }
            if (target.role() == Role.ADMIN) {
                requireAnotherAdmin(tx, name, "remove " + name);
            }
            tx.disableModerator(name);
            record(tx, AuditEntry.MODERATOR_REMOVE, name, target.role(), null);
            return null;
        });
    }

    /** Changes the role of a moderator on the roster. */
    public void setRole(String name, Role role) {
        store.write("changing the role of moderator " + name, tx -> {
            RosterCheck.requireAdmin(tx, actor.name(), store.address(), clock.instant());
            Moderator target = existing(tx, name);
            if (target.role() == Role.ADMIN && role != Role.ADMIN && !target.disabled()) {
                requireAnotherAdmin(tx, name, "make " + name + " a " + role.label());
            }
            tx.putModerator(name, role);
            record(tx, AuditEntry.MODERATOR_ROLE, name, target.disabled() ? null : target.role(), role);
            return null;
        });
    }

    /**
     * The first admin of a database with no moderators yet (init); false when it already has some. Not an audit
     * entry: the roster's first row is its creator, and the log starts with the first change after it.
     */
    public static boolean bootstrapFirstAdmin(Store store, String osUser) {
        if (!store.writable()) {
            return false;
        }
        // checked under the write lock: of two `modq init` at once, one makes the first admin
        return store.write("adding the first admin " + osUser, tx -> {
            if (tx.hasModerators()) {
                return false;
            }
            tx.putModerator(osUser, Role.ADMIN);
            return true;
        });
    }

    private static Moderator existing(WriteTransaction tx, String name) {
        return tx.moderator(name).orElseThrow(() -> new IllegalArgumentException("no moderator named '" + name
                + "' (see `modq moderator list`; add them with `modq moderator add " + name + "`)"));
    }

    /** The roster must keep an active admin, or nobody could ever manage it again. */
    private static void requireAnotherAdmin(WriteTransaction tx, String name, String doing) {
        if (tx.activeAdmins() <= 1) {
            throw new AccessDeniedException("cannot " + doing + ": " + name + " is the last admin;"
                    + " make someone else an admin first (`modq moderator role NAME admin`)");
        }
    }

    private void record(WriteTransaction tx, String action, String subject, Role from, Role to) {
        tx.appendAll(List.of(NewAuditEntry.roster(actor.name(), osUser, action, subject, from, to, null,
                BatchIds.next(clock.instant()))));
    }
}
