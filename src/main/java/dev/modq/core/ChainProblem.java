package dev.modq.core;

/**
 * The first place where the audit log's hash chain does not hold: the entry id where it shows and what happened.
 * For {@link Kind#REMOVED}, {@code entryId} is the first missing id.
 */
public record ChainProblem(long entryId, Kind kind, String message) {

    public enum Kind {
        /** The entry's content no longer matches its hash: it was edited. */
        CHANGED,
        /** Ids are missing before this point: entries were deleted. */
        REMOVED,
        /** The entry does not link to the one before it: inserted out of order, or its predecessor replaced. */
        OUT_OF_ORDER;

        public String label() {
            return switch (this) {
                case CHANGED -> "changed";
                case REMOVED -> "removed";
                case OUT_OF_ORDER -> "inserted out of order";
            };
        }
    }
}
