package dev.modq.store;

import dev.modq.core.QueueRow;

/**
 * A position in the queue order: (created_at, id) by age, (score, id) by score. Pages continue from here
 * without OFFSET. Both keys are kept, so a position survives switching the order.
 */
public record Keyset(long createdAtSeconds, long id, int score) {

    /** A position by age only (the score is taken as unscored). */
    public Keyset(long createdAtSeconds, long id) {
        this(createdAtSeconds, id, -1);
    }

    public static Keyset of(QueueRow row) {
        return new Keyset(row.createdAt().getEpochSecond(), row.id(), row.score());
    }

    /** The same position with another id: {@code withId(id - 1)} starts a page at this row, inclusive, by age. */
    public Keyset withId(long otherId) {
        return new Keyset(createdAtSeconds, otherId, score);
    }
}
