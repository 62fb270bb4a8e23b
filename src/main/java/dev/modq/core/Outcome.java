package dev.modq.core;

import java.time.Instant;

/** What happened to one comment of a decision or undo. */
public record Outcome(long commentId, Kind kind, Status from, Status to, String detail,
                      Conflict conflict) {

    public enum Kind { APPLIED, UNCHANGED, CONFLICT, NOT_FOUND }

    /** Who got there first: the last change to the comment that the caller had not seen. */
    public record Conflict(String changedBy, Instant changedAt, Status nowStatus) {
    }

    public static Outcome applied(long id, Status from, Status to) {
        return new Outcome(id, Kind.APPLIED, from, to, null, null);
    }

    public static Outcome unchanged(long id, Status now) {
        return new Outcome(id, Kind.UNCHANGED, now, now, null, null);
    }

    public static Outcome notFound(long id) {
        return new Outcome(id, Kind.NOT_FOUND, null, null, "no comment with id " + id, null);
    }

    public static Outcome conflict(long id, Status now, Conflict conflict, String detail) {
        return new Outcome(id, Kind.CONFLICT, now, now, detail, conflict);
    }

    public boolean isFailure() {
        return kind == Kind.CONFLICT || kind == Kind.NOT_FOUND;
    }
}
