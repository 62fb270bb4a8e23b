package dev.modq.store;

import dev.modq.core.ListedComment;
import dev.modq.core.query.Query;

import java.util.function.Consumer;

/** Every comment matching a query, streamed: one row in memory at a time, never the whole queue. */
public interface CommentStreams {

    /** Calls {@code each} for every match in {@code order}, at most {@code limit} (0: all); returns how many. */
    long forEachListed(Query query, ListOrder order, long limit, Consumer<ListedComment> each);

    /** Ids and versions of every match in id order, for acting on a query (8 bytes a match, not a whole comment). */
    long forEachIdVersion(Query query, IdVersionConsumer each);

    @FunctionalInterface
    interface IdVersionConsumer {
        void accept(long id, long version);
    }
}
