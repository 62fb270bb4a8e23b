package dev.modq.tui;

import dev.modq.core.Moderator;
import dev.modq.core.text.Sanitizer;

import java.util.Optional;

/**
 * Who is looking at which database, sanitised when built. {@code refusal} says why decisions are refused (null
 * when they are allowed); {@code writable} is whether the file takes writes at all. The role is re-read while the
 * queue is open (an admin may remove or demote the moderator meanwhile): see {@link #withActor}.
 */
public record Session(String database, String moderator, String role, String refusal, boolean writable) {

    /** The header's role when the moderator is no longer on the roster (or was disabled). */
    public static final String REMOVED = "removed";

    public Session(String database, String moderator, String role, String refusal) {
        this(database, moderator, role, refusal, true);
    }

    /** A session whose only limit, if any, is the viewer role. */
    public Session(String database, String moderator, String role, boolean canDecide) {
        this(database, moderator, role, canDecide ? null : viewerRefusal(moderator), true);
    }

    /** Decisions need both a deciding role and a writable database file; the refusal names the one missing. */
    public static Session of(String database, String moderator, String role, boolean roleCanDecide, boolean writable) {
        String refusal = !roleCanDecide ? viewerRefusal(moderator) : writable ? null : readOnlyRefusal(moderator);
        return new Session(database, moderator, role, refusal, writable);
    }

    /** This session after the roster was read again: a new role, or removed (absent or disabled). */
    public Session withActor(Optional<Moderator> now) {
        if (now.isEmpty() || now.get().disabled()) {
            return new Session(database, moderator, REMOVED, moderator
                    + " was removed as a moderator: you can browse; ask an admin to add you back", writable);
        }
        String label = Sanitizer.clean(now.get().role().label());
        return of(database, moderator, label, now.get().role().canDecide(), writable);
    }

    private static String viewerRefusal(String moderator) {
        return moderator + " is a viewer and may only browse: ask an admin for the moderator role";
    }

    private static String readOnlyRefusal(String moderator) {
        return "the database file is read-only for " + moderator + ": you can browse; ask its owner for write access";
    }

    public boolean canDecide() {
        return refusal == null;
    }
}
