package dev.modq.core;

/** How an author's other comments were decided, counted by e-mail (or name when there is no e-mail). */
public record AuthorHistory(long approved, long rejected, long flagged, long pending) {

    public long decided() {
        return approved + rejected + flagged;
    }

    /** No earlier comment at all: the "first comment" badge. */
    public boolean isFirstComment() {
        return approved + rejected + flagged + pending == 0;
    }
}
