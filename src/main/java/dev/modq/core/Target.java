package dev.modq.core;

/**
 * A comment a moderator wants to act on, with the version they saw. A null {@code expectedVersion}
 * means "whatever it is now" (a script acting on ids it did not read).
 */
public record Target(long commentId, Long expectedVersion) {

    public static Target any(long commentId) {
        return new Target(commentId, null);
    }

    public static Target seen(long commentId, long version) {
        return new Target(commentId, version);
    }
}
