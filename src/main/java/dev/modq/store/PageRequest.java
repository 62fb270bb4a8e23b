package dev.modq.store;

import dev.modq.core.query.Query;

/**
 * One page of the queue: rows matching {@code query}, strictly after (or before) {@code from} in {@code order}
 * (by age: oldest first, first come, first moderated; by score: most likely spam first, unscored last), at most
 * {@code limit} of them. A null {@code from} starts at the beginning (or the end). Rows always come back in
 * queue order, also when paging backwards.
 */
public record PageRequest(Query query, Keyset from, Direction direction, int limit, QueueOrder order) {

    public enum Direction { FORWARD, BACKWARD }

    public PageRequest {
        order = order == null ? QueueOrder.AGE : order;
    }

    /** By age. */
    public PageRequest(Query query, Keyset from, Direction direction, int limit) {
        this(query, from, direction, limit, QueueOrder.AGE);
    }

    public static PageRequest first(Query query, int limit) {
        return new PageRequest(query, null, Direction.FORWARD, limit);
    }

    public static PageRequest last(Query query, int limit) {
        return new PageRequest(query, null, Direction.BACKWARD, limit);
    }

    public PageRequest inOrder(QueueOrder newOrder) {
        return new PageRequest(query, from, direction, limit, newOrder);
    }

    public PageRequest after(Keyset key) {
        return new PageRequest(query, key, Direction.FORWARD, limit, order);
    }

    public PageRequest before(Keyset key) {
        return new PageRequest(query, key, Direction.BACKWARD, limit, order);
    }
}
