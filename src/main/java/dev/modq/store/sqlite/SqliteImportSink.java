package dev.modq.store.sqlite;

import dev.modq.io.ImportCounts;
import dev.modq.io.ImportSink;
import dev.modq.io.ImportedComment;
import dev.modq.io.ImportedPost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Upserts imported posts and comments by (source_system, source_id), inside the caller's transaction.
 * New rows are inserted; rows never decided in modq (no audit_log entry) are updated when the export differs;
 * rows decided in modq are left entirely alone ("kept": modq's decision and the text the moderator saw win).
 * Parents are looked up by source id; a parent not seen yet is staged in a temp table and resolved by one
 * UPDATE in {@link #finish}, so memory does not grow with the number of comments.
 */
public final class SqliteImportSink implements ImportSink, AutoCloseable {

    static final String PLACEHOLDER_TITLE = "(unknown post %s)";

    private final Connection conn;
    private final PreparedStatement findPost;
    private final PreparedStatement insertPost;
    private final PreparedStatement updatePost;
    private final PreparedStatement findComment;
    private final PreparedStatement findCommentId;
    private final PreparedStatement insertComment;
    private final PreparedStatement updateComment;
    private final PreparedStatement lastId;
    private final PreparedStatement stageParent;
    private final PreparedStatement putMeta;
    /** Placeholder posts made in this run for comments whose post was missing; few, so a set is fine. */
    private final Set<Long> placeholders = new HashSet<>();
    private ImportCounts counts = new ImportCounts();
    private String lastPostKey;
    private long lastPostId;

    SqliteImportSink(Connection conn) throws SQLException {
        this.conn = conn;
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS modq_import_parents (comment_id INTEGER PRIMARY KEY,"
                    + " source_system TEXT NOT NULL, parent_source TEXT NOT NULL)");
            st.executeUpdate("DELETE FROM temp.modq_import_parents");
        }
        findPost = conn.prepareStatement("SELECT id, title, url, author, published_at FROM posts"
                + " WHERE source_system = ? AND source_id = ?");
        insertPost = conn.prepareStatement("INSERT INTO posts (title, url, author, published_at, source_system,"
                + " source_id) VALUES (?, ?, ?, ?, ?, ?)");
        updatePost = conn.prepareStatement("UPDATE posts SET title = ?, url = ?, author = ?, published_at = ?"
                + " WHERE id = ?");
        findComment = conn.prepareStatement("SELECT c.id, c.post_id, c.parent_id, c.author_name, c.author_email,"
                + " c.author_url, c.author_ip, c.user_agent, c.body, c.kind, c.created_at, c.status, c.reason,"
                + " EXISTS (SELECT 1 FROM audit_log a WHERE a.comment_id = c.id)"
                + " FROM comments c WHERE c.source_system = ? AND c.source_id = ?");
        findCommentId = conn.prepareStatement("SELECT id FROM comments WHERE source_system = ? AND source_id = ?");
        insertComment = conn.prepareStatement("INSERT INTO comments (post_id, parent_id, author_name, author_email,"
                + " author_url, author_ip, user_agent, body, kind, created_at, status, reason, source_system, source_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateComment = conn.prepareStatement("UPDATE comments SET post_id = ?, parent_id = ?, author_name = ?,"
                + " author_email = ?, author_url = ?, author_ip = ?, user_agent = ?, body = ?, kind = ?, created_at = ?,"
                + " status = ?, reason = ?, version = version + 1 WHERE id = ?");
        lastId = conn.prepareStatement("SELECT last_insert_rowid()");
        stageParent = conn.prepareStatement("INSERT OR REPLACE INTO temp.modq_import_parents"
                + " (comment_id, source_system, parent_source) VALUES (?, ?, ?)");
        putMeta = conn.prepareStatement("INSERT INTO comment_meta (comment_id, meta_key, meta_value) VALUES (?, ?, ?)"
                + " ON CONFLICT (comment_id, meta_key) DO UPDATE SET meta_value = excluded.meta_value"
                + " WHERE meta_value IS NOT excluded.meta_value");
    }

    @Override
    public void countInto(ImportCounts counts) {
        this.counts = counts;
    }

    @Override
    public void post(ImportedPost p) {
        run(() -> {
            Long published = p.publishedAt() == null ? null : p.publishedAt().getEpochSecond();
            SqliteStore.bind(findPost, p.sourceSystem(), p.sourceId());
            Long id = null;
            boolean same = false;
            try (ResultSet rs = findPost.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    same = p.title().equals(rs.getString(2)) && Objects.equals(p.url(), rs.getString(3))
                            && Objects.equals(p.author(), rs.getString(4))
                            && Objects.equals(published, Rows.nullableLong(rs, 5));
                }
            }
            if (id == null) {
                id = insertPost(p.title(), p.url(), p.author(), published, p.sourceSystem(), p.sourceId());
                counts.postsNew++;
            } else if (!same) {
                SqliteStore.bind(updatePost, p.title(), p.url(), p.author(), published, id);
                updatePost.executeUpdate();
                if (placeholders.remove(id)) {
                    counts.postsNew++;
                } else {
                    counts.postsUpdated++;
                }
            }
            remember(p.sourceSystem(), p.sourceId(), id);
            return null;
        });
    }

    @Override
    public void comment(ImportedComment c) {
        run(() -> {
            long postId = postIdFor(c.sourceSystem(), c.postSourceId());
            Long parentId = c.parentSourceId() == null ? null : commentId(c.sourceSystem(), c.parentSourceId());
            boolean parentLater = c.parentSourceId() != null && parentId == null;
            Existing existing = existing(c);
            long id;
            if (existing == null) {
                id = insertComment(c, postId, parentId);
                counts.commentsNew++;
            } else if (existing.moderated) {
                counts.keptLocal++;
                return null;
            } else {
                id = existing.id;
                Long parent = parentLater ? existing.parentId : parentId;
                if (existing.sameAs(c, postId, parent)) {
                    counts.commentsUnchanged++;
                } else {
                    updateComment(c, id, postId, parent);
                    counts.commentsUpdated++;
                }
            }
            if (parentLater) {
                SqliteStore.bind(stageParent, id, c.sourceSystem(), c.parentSourceId());
                stageParent.executeUpdate();
            }
            for (Map.Entry<String, String> meta : c.meta().entrySet()) {
                SqliteStore.bind(putMeta, id, meta.getKey(), meta.getValue());
                putMeta.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void skipped(String why) {
        counts.skipped++;
    }

    /** Resolves staged parents; returns how many replies name a parent that is in neither the files nor the database. */
    long finish() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("UPDATE comments SET parent_id = p.id FROM temp.modq_import_parents s"
                    + " JOIN comments p ON p.source_system = s.source_system AND p.source_id = s.parent_source"
                    + " WHERE comments.id = s.comment_id AND p.id <> comments.id AND comments.parent_id IS NOT p.id");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM temp.modq_import_parents s WHERE NOT EXISTS"
                    + " (SELECT 1 FROM comments p WHERE p.source_system = s.source_system"
                    + " AND p.source_id = s.parent_source)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long postIdFor(String system, String sourceId) throws SQLException {
        String key = system + '\u0000' + sourceId;
        if (key.equals(lastPostKey)) {
            countOrphan(lastPostId);
            return lastPostId;
        }
        SqliteStore.bind(findPost, system, sourceId);
        Long id = null;
        try (ResultSet rs = findPost.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1);
            }
        }
        if (id == null) {
            id = insertPost(String.format(PLACEHOLDER_TITLE, sourceId), null, null, null, system, sourceId);
            placeholders.add(id);
        }
        remember(system, sourceId, id);
        countOrphan(id);
        return id;
    }

    private void countOrphan(long postId) {
        if (placeholders.contains(postId)) {
            counts.orphans++;
        }
    }

    private void remember(String system, String sourceId, long id) {
        lastPostKey = system + '\u0000' + sourceId;
        lastPostId = id;
    }

    private Long commentId(String system, String sourceId) throws SQLException {
        SqliteStore.bind(findCommentId, system, sourceId);
        try (ResultSet rs = findCommentId.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private long insertPost(String title, String url, String author, Long published, String system, String sourceId)
            throws SQLException {
        SqliteStore.bind(insertPost, title, url, author, published, system, sourceId);
        insertPost.executeUpdate();
        return lastInsertId();
    }

    private long insertComment(ImportedComment c, long postId, Long parentId) throws SQLException {
        SqliteStore.bind(insertComment, postId, parentId, c.authorName(), c.authorEmail(), c.authorUrl(), c.authorIp(),
                c.userAgent(), c.body(), c.kind().label(), c.createdAt().getEpochSecond(), c.status().label(),
                c.reason(), c.sourceSystem(), c.sourceId());
        insertComment.executeUpdate();
        return lastInsertId();
    }

    private void updateComment(ImportedComment c, long id, long postId, Long parentId) throws SQLException {
        SqliteStore.bind(updateComment, postId, parentId, c.authorName(), c.authorEmail(), c.authorUrl(), c.authorIp(),
                c.userAgent(), c.body(), c.kind().label(), c.createdAt().getEpochSecond(), c.status().label(),
                c.reason(), id);
        updateComment.executeUpdate();
    }

    private long lastInsertId() throws SQLException {
        try (ResultSet rs = lastId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Existing existing(ImportedComment c) throws SQLException {
        SqliteStore.bind(findComment, c.sourceSystem(), c.sourceId());
        try (ResultSet rs = findComment.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new Existing(rs.getLong(1), rs.getLong(2), Rows.nullableLong(rs, 3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getInt(14) != 0);
        }
    }

    private static void run(SqlWork<Void> work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new SinkSqlException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[]{findPost, insertPost, updatePost, findComment,
                findCommentId, insertComment, updateComment, lastId, stageParent, putMeta}) {
            ps.close();
        }
    }

    /** Carries a SQLException through the parsers, which know nothing of JDBC. */
    static final class SinkSqlException extends RuntimeException {
        SinkSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private record Existing(long id, long postId, Long parentId, String authorName, String authorEmail,
                            String authorUrl, String authorIp, String userAgent, String body, String kind,
                            long createdAt, String status, String reason, boolean moderated) {

        boolean sameAs(ImportedComment c, long newPostId, Long newParentId) {
            return postId == newPostId && Objects.equals(parentId, newParentId)
                    && Objects.equals(authorName, c.authorName()) && Objects.equals(authorEmail, c.authorEmail())
                    && Objects.equals(authorUrl, c.authorUrl()) && Objects.equals(authorIp, c.authorIp())
                    && Objects.equals(userAgent, c.userAgent()) && Objects.equals(body, c.body())
                    && kind.equals(c.kind().label()) && createdAt == c.createdAt().getEpochSecond()
                    && status.equals(c.status().label()) && Objects.equals(reason, c.reason());
        }
    }
}
