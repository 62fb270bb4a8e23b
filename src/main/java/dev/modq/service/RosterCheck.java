package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.core.text.RelativeTime;
import dev.modq.store.WriteTransaction;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the acting moderator's roster entry inside the write transaction that is about to decide, so a text UI
 * opened before its moderator was removed or made a viewer cannot decide on: the roster row is read under the
 * same write lock as the decision, and a change committed a moment earlier is seen.
 */
final class RosterCheck {

    private RosterCheck() {
    }

    /** The moderator as the roster says now; AccessDeniedException saying who changed it and when otherwise. */
    static Moderator requireMayDecide(WriteTransaction tx, String name, String db, Instant now) {
        Optional<Moderator> current = tx.moderator(name);
        if (current.isEmpty() || current.get().disabled()) {
            throw new AccessDeniedException(name + " is no longer a moderator of " + db + ": removed"
                    + byWhomAndWhen(tx, name, now) + "; nothing was applied");
        }
        if (!current.get().role().canDecide()) {
            throw new AccessDeniedException(name + " is now a " + current.get().role().label() + " of " + db
                    + " and may only browse (changed" + byWhomAndWhen(tx, name, now) + "); nothing was applied");
        }
        return current.get();
    }

    /** " by alice 2m ago", or "" when the roster change predates the audit of roster changes. */
    private static String byWhomAndWhen(WriteTransaction tx, String name, Instant now) {
        Optional<AuditEntry> change = tx.lastRosterChange(name);
        if (change.isEmpty()) {
            return "";
        }
        String age = RelativeTime.compact(change.get().at(), now);
        return " by " + change.get().moderator() + (age.equals("now") ? " just now" : " " + age + " ago");
    }

    /** Admins manage the roster; read under the lock too, so a demoted admin's open session cannot. */
    static Moderator requireAdmin(WriteTransaction tx, String name, String db, Instant now) {
        Moderator current = requireMayDecide(tx, name, db, now);
        if (current.role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may change the roster; " + name + " is a "
                    + current.role().label() + " (ask an admin)");
        }
        return current;
    }
}
