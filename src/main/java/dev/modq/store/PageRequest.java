package dev.modq.store;

import dev.modq.core.query.Query;

/**
 * One page of the queue: rows matching {@code query}, strictly after (or before) {@code from} in queue
 * order, at most {@code limit} of them. A null {@code from} starts at the beginning (or the end).
 * Rows always come back in queue order, also when paging backwards.
 */
public record PageRequest(Query query, Keyset from, Direction direction, SortOrder order, int limit) {

    public enum Direction { FORWARD, BACKWARD }

    /** Oldest first is the queue's natural order: first come, first moderated. */
    public enum SortOrder { OLDEST_FIRST, NEWEST_FIRST }

    public static PageRequest first(Query query, int limit) {
        return new PageRequest(query, null, Direction.FORWARD, SortOrder.OLDEST_FIRST, limit);
    }

    public static PageRequest last(Query query, int limit) {
        return new PageRequest(query, null, Direction.BACKWARD, SortOrder.OLDEST_FIRST, limit);
    }

    public PageRequest after(Keyset key) {
        return new PageRequest(query, key, Direction.FORWARD, order, limit);
    }

    public PageRequest before(Keyset key) {
        return new PageRequest(query, key, Direction.BACKWARD, order, limit);
    }

    public PageRequest withOrder(SortOrder newOrder) {
        return new PageRequest(query, from, direction, newOrder, limit);
    }
}
