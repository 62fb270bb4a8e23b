package dev.modq.store;

import dev.modq.core.Comment;
import dev.modq.core.Post;

import java.util.function.Consumer;

/** Loads posts and comments with explicit ids in one transaction (the demo generator): all or nothing. */
public interface BulkLoader {

    void bulkLoad(String doing, Consumer<Sink> load);

    /** Where a bulk load writes; batched, so a million comments are fine. */
    interface Sink {
        void post(Post post);

        void comment(Comment comment);
    }
}
