package dev.modq.store;

import dev.modq.core.query.Query;

/**
 * One page of the queue: rows matching {@code query}, strictly after (or before) {@code from} in queue
 * order (oldest first: first come, first moderated), at most {@code limit} of them. A null {@code from}
 * starts at the beginning (or the end). Rows always come back in queue order, also when paging backwards.
 */
public record PageRequest(Query query, Keyset from, Direction direction, int limit) {

    public enum Direction { FORWARD, BACKWARD }

    public static PageRequest first(Query query, int limit) {
        return new PageRequest(query, null, Direction.FORWARD, limit);
    }

    public static PageRequest last(Query query, int limit) {
        return new PageRequest(query, null, Direction.BACKWARD, limit);
    }

    public PageRequest after(Keyset key) {
        return new PageRequest(query, key, Direction.FORWARD, limit);
    }

    public PageRequest before(Keyset key) {
        return new PageRequest(query, key, Direction.BACKWARD, limit);
    }
}
