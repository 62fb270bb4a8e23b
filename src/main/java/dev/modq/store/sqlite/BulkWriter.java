package dev.modq.store.sqlite;

import dev.modq.core.Comment;
import dev.modq.core.Post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Batched inserts of posts and comments with explicit ids, for bulk loaders (the demo generator).
 * Use through {@link #load}: one transaction makes the whole load all-or-nothing.
 */
public final class BulkWriter implements AutoCloseable {

    private static final int BATCH = 2_000;

    /** What a bulk load writes. */
    @FunctionalInterface
    public interface Load {
        void into(BulkWriter writer) throws SQLException;
    }

    /** Runs a load in one transaction, the comments table's secondary indexes deferred (see {@link DeferredIndexes}). */
    public static void load(SqliteStore store, String doing, Load load) {
        store.writeRaw(doing, () -> {
            Connection conn = store.rawConnection();
            DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
            try (BulkWriter writer = new BulkWriter(conn)) {
                load.into(writer);
            }
            deferred.rebuild();
            return null;
        });
    }

    private final PreparedStatement insertPost;
    private final PreparedStatement insertComment;
    private int pendingComments;

    public BulkWriter(Connection conn) throws SQLException {
        insertPost = conn.prepareStatement("INSERT INTO posts (" + Rows.POST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertComment = conn.prepareStatement("INSERT INTO comments (" + Rows.COMMENT_COLUMNS.replace("c.", "")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public void post(Post p) throws SQLException {
        SqliteStore.bind(insertPost, p.id(), p.title(), p.url(), p.author(),
                p.publishedAt() == null ? null : p.publishedAt().getEpochSecond(), p.sourceSystem(), p.sourceId());
        insertPost.executeUpdate();
    }

    public void comment(Comment c) throws SQLException {
        SqliteStore.bind(insertComment, c.id(), c.postId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(),
                c.authorIp(), c.userAgent(), c.body(), c.kind().label(), c.createdAt().getEpochSecond(),
                c.status().label(), c.reason(), c.version(), c.sourceSystem(), c.sourceId());
        insertComment.addBatch();
        if (++pendingComments == BATCH) {
            flush();
        }
    }

    /** This writer as the store interface's sink: SQL errors come out as {@link UncheckedSql}. */
    dev.modq.store.BulkLoader.Sink asSink() {
        return new dev.modq.store.BulkLoader.Sink() {
            @Override
            public void post(Post post) {
                try {
                    BulkWriter.this.post(post);
                } catch (SQLException e) {
                    throw new UncheckedSql(e);
                }
            }

            @Override
            public void comment(Comment comment) {
                try {
                    BulkWriter.this.comment(comment);
                } catch (SQLException e) {
                    throw new UncheckedSql(e);
                }
            }
        };
    }

    /** An SQL error inside a sink call, carried out to {@link #load}'s transaction. */
    static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    public void flush() throws SQLException {
        if (pendingComments > 0) {
            insertComment.executeBatch();
            pendingComments = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        insertPost.close();
        insertComment.close();
    }
}
