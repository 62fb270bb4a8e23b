package dev.modq.store.postgresql;

import dev.modq.core.Comment;
import dev.modq.core.Post;
import dev.modq.store.BulkLoader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Posts and comments with explicit ids in one transaction (the demo generator), batched; identities moved on after. */
final class PgBulkLoad {

    private static final int BATCH = 2_000;

    private PgBulkLoad() {
    }

    static void load(PgStore store, String doing, Consumer<BulkLoader.Sink> load) {
        store.transaction(doing, conn -> {
            try (java.sql.Statement st = conn.createStatement()) {
                st.execute("SET CONSTRAINTS ALL DEFERRED");  // a reply may come before its parent
            }
            try (Writer writer = new Writer(conn)) {
                load.accept(writer);
            } catch (PgWriteTransaction.UncheckedSql e) {
                throw e.getCause();
            }
            PgRowCopy.moveSequencesOn(conn);
            return null;
        });
    }

    /**
     * PostgreSQL text cannot hold NUL, which the demo's hostile comments include on purpose: on this backend they
     * carry U+FFFD in its place, as {@code modq copy} does for comment and post text (service.NulInText).
     */
    static String withoutNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    private static final class Writer implements BulkLoader.Sink, AutoCloseable {
        private final PreparedStatement posts;
        private final PreparedStatement comments;
        private int pendingPosts;
        private int pendingComments;

        Writer(Connection conn) throws SQLException {
            posts = conn.prepareStatement("INSERT INTO posts (" + PgRows.POST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
            comments = conn.prepareStatement("INSERT INTO comments (" + PgRows.COMMENT_COLUMNS.replace("c.", "")
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void post(Post p) {
            try {
                PgRows.bind(posts, p.id(), p.title(), p.url(), p.author(),
                        p.publishedAt() == null ? PgRows.TypedNull.BIGINT : p.publishedAt().getEpochSecond(),
                        p.sourceSystem(), p.sourceId());
                posts.addBatch();
                if (++pendingPosts == BATCH) {
                    posts.executeBatch();
                    pendingPosts = 0;
                }
            } catch (SQLException e) {
                throw new PgWriteTransaction.UncheckedSql(e);
            }
        }

        @Override
        public void comment(Comment c) {
            try {
                if (pendingPosts > 0) {  // a comment's post must be there before it
                    posts.executeBatch();
                    pendingPosts = 0;
                }
                PgRows.bind(comments, c.id(), c.postId(), PgRows.longOrNull(c.parentId()), c.authorName(),
                        c.authorEmail(), c.authorUrl(), c.authorIp(), c.userAgent(), withoutNul(c.body()), c.kind().label(),
                        c.createdAt().getEpochSecond(), c.status().label(), c.reason(), c.version(), c.sourceSystem(),
                        c.sourceId());
                comments.addBatch();
                if (++pendingComments == BATCH) {
                    comments.executeBatch();
                    pendingComments = 0;
                }
            } catch (SQLException e) {
                throw new PgWriteTransaction.UncheckedSql(e);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pendingPosts > 0) {
                    posts.executeBatch();
                }
                if (pendingComments > 0) {
                    comments.executeBatch();
                }
            } finally {
                posts.close();
                comments.close();
            }
        }
    }
}
