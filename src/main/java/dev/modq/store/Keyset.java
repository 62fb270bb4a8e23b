package dev.modq.store;

import dev.modq.core.QueueRow;

/** A position in the queue order (created_at, id): pages continue from here without OFFSET. */
public record Keyset(long createdAtSeconds, long id) {

    public static Keyset of(QueueRow row) {
        return new Keyset(row.createdAt().getEpochSecond(), row.id());
    }
}
