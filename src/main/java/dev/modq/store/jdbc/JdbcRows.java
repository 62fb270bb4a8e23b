package dev.modq.store.jdbc;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Rows both backends read alike: a comment from {@link #COMMENT_COLUMNS} (over {@code comments c}). */
public final class JdbcRows {

    public static final String COMMENT_COLUMNS = "c.id, c.post_id, c.parent_id, c.author_name, c.author_email,"
            + " c.author_url, c.author_ip, c.user_agent, c.body, c.kind, c.created_at, c.status, c.reason, c.version,"
            + " c.source_system, c.source_id";

    private JdbcRows() {
    }

    public static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), CommentKind.parse(rs.getString(10)),
                Instant.ofEpochSecond(rs.getLong(11)), Status.parse(rs.getString(12)), rs.getString(13), rs.getLong(14),
                rs.getString(15), rs.getString(16));
    }

    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static void bind(java.sql.PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
