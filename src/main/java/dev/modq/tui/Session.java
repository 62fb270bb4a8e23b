package dev.modq.tui;

/**
 * Who is looking at which database: fixed for the length of a session, sanitised when built.
 * {@code refusal} says why decisions are refused (null when they are allowed).
 */
public record Session(String database, String moderator, String role, String refusal) {

    /** A session whose only limit, if any, is the viewer role. */
    public Session(String database, String moderator, String role, boolean canDecide) {
        this(database, moderator, role, canDecide ? null : viewerRefusal(moderator));
    }

    /** Decisions need both a deciding role and a writable database file; the refusal names the one missing. */
    public static Session of(String database, String moderator, String role, boolean roleCanDecide, boolean writable) {
        String refusal = !roleCanDecide ? viewerRefusal(moderator)
                : writable ? null
                : "the database file is read-only for " + moderator + ": you can browse; ask its owner for write access";
        return new Session(database, moderator, role, refusal);
    }

    private static String viewerRefusal(String moderator) {
        return moderator + " is a viewer and may only browse: ask an admin for the moderator role";
    }

    public boolean canDecide() {
        return refusal == null;
    }
}
