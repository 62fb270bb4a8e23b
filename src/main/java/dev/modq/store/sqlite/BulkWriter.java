package dev.modq.store.sqlite;

import dev.modq.core.Comment;
import dev.modq.core.Post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Runs a load in one transaction. Into an empty comments table the secondary indexes are dropped first and
     * rebuilt from their own DDL afterwards: building an index once, sorted, is about three times less work
     * than maintaining six of them row by row. The schema text ends up identical.
     */
    public static void load(SqliteStore store, String doing, Load load) {
        store.writeRaw(doing, () -> {
            Connection conn = store.rawConnection();
            List<String> rebuild = commentsEmpty(conn) ? dropSecondaryIndexes(conn) : List.of();
            try (BulkWriter writer = new BulkWriter(conn)) {
                load.into(writer);
            }
            try (Statement st = conn.createStatement()) {
                for (String ddl : rebuild) {
                    st.executeUpdate(ddl);
                }
            }
            return null;
        });
    }

    private static boolean commentsEmpty(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM comments)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static List<String> dropSecondaryIndexes(Connection conn) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                    + " AND tbl_name = 'comments' AND sql IS NOT NULL ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    ddl.add(rs.getString(2));
                }
            }
            for (String name : names) {
                st.executeUpdate("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
        return ddl;
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
