package dev.modq.service;

import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.store.Store;

import java.util.Optional;

/**
 * Who is acting: the operating-system user, or {@code --as NAME} for admins. On a database with no
 * moderators yet, the first user to open it for writing becomes its admin.
 */
public final class Actors {

    private Actors() {
    }

    /** The real operating-system user (see {@link OsUser}); never the overridable user.name property. */
    public static String osUser() {
        return OsUser.name();
    }

    /** Resolves the acting moderator; throws AccessDeniedException with the way to get access. */
    public static Moderator resolve(Store store, String osUser, String asName) {
        Moderator me = registered(store, osUser);
        if (asName == null || asName.equals(osUser)) {
            return me;
        }
        if (me.role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may act as someone else; " + osUser + " is a " + me.role().label()
                    + " (drop --as " + asName + ")");
        }
        return registered(store, asName);
    }

    /** Makes {@code osUser} the first admin of a database that has no moderators yet. Returns true if it did. */
    public static boolean bootstrapFirstAdmin(Store store, String osUser) {
        return RosterService.bootstrapFirstAdmin(store, osUser);
    }

    private static Moderator registered(Store store, String name) {
        Optional<Moderator> found = store.moderator(name);
        if (found.isEmpty()) {
            throw new AccessDeniedException("'" + name + "' is not a moderator of " + store.address()
                    + ": ask an admin to run `modq moderator add " + name + "`");
        }
        if (found.get().disabled()) {
            throw new AccessDeniedException("moderator '" + name + "' is disabled on " + store.address()
                    + ": ask an admin to run `modq moderator add " + name + "` to re-enable");
        }
        return found.get();
    }
}
