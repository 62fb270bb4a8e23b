package dev.modq.store.postgresql;

import dev.modq.core.AuditEntry;
import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Moderator;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.Role;
import dev.modq.core.Status;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Maps PostgreSQL rows to core records. The columns and their meaning are SQLite's (integers for times, text
 * labels), so the column lists are the same; only the queue excerpt differs (PostgreSQL text holds no NUL, so a
 * plain substr is exact).
 */
final class PgRows {

    static final String COMMENT_COLUMNS = "c.id, c.post_id, c.parent_id, c.author_name, c.author_email, c.author_url,"
            + " c.author_ip, c.user_agent, c.body, c.kind, c.created_at, c.status, c.reason, c.version,"
            + " c.source_system, c.source_id";

    static final String POST_COLUMNS = "id, title, url, author, published_at, source_system, source_id";

    static final int EXCERPT_CHARS = 240;

    static final String QUEUE_COLUMNS = "c.id, c.status, c.created_at, c.version, c.post_id, p.title, c.author_name,"
            + " substr(c.body, 1, " + EXCERPT_CHARS + "), c.score,"
            + " EXISTS (SELECT 1 FROM comment_holds h WHERE h.comment_id = c.id)";

    static final String AUDIT_COLUMNS = "id, at, moderator, actor, comment_id, action, from_status, to_status, reason,"
            + " from_reason, note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,"
            + " prev_hash, hash";

    private PgRows() {
    }

    static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), CommentKind.parse(rs.getString(10)),
                Instant.ofEpochSecond(rs.getLong(11)), Status.parse(rs.getString(12)), rs.getString(13), rs.getLong(14),
                rs.getString(15), rs.getString(16));
    }

    static Post post(ResultSet rs) throws SQLException {
        Long published = nullableLong(rs, 5);
        return new Post(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                published == null ? null : Instant.ofEpochSecond(published), rs.getString(6), rs.getString(7));
    }

    static QueueRow queueRow(ResultSet rs) throws SQLException {
        return new QueueRow(rs.getLong(1), Status.parse(rs.getString(2)), Instant.ofEpochSecond(rs.getLong(3)),
                rs.getLong(4), rs.getLong(5), nullToEmpty(rs.getString(6)), nullToEmpty(rs.getString(7)),
                nullToEmpty(rs.getString(8)), rs.getInt(9), rs.getBoolean(10));
    }

    static AuditEntry audit(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                nullableLong(rs, 5), rs.getString(6), status(rs.getString(7)), status(rs.getString(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), nullableLong(rs, 13), rs.getLong(14),
                rs.getString(15), role(rs.getString(16)), role(rs.getString(17)), rs.getInt(18), rs.getString(19),
                rs.getString(20));
    }

    static Moderator moderator(ResultSet rs) throws SQLException {
        return new Moderator(rs.getString(1), Role.parse(rs.getString(2)), Instant.ofEpochSecond(rs.getLong(3)),
                rs.getInt(4) != 0);
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Binds parameters by their Java type. A null needs a type on PostgreSQL (setObject(i, null) is refused by
     * the driver's strict typing in some positions), so nulls are bound as {@code VARCHAR} unless
     * {@link TypedNull} says otherwise.
     */
    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof TypedNull t) {
                ps.setNull(i + 1, t.sqlType());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A null of a given SQL type (a null bigint id, for instance). */
    record TypedNull(int sqlType) {
        static final TypedNull BIGINT = new TypedNull(Types.BIGINT);
    }

    static Object longOrNull(Long value) {
        return value == null ? TypedNull.BIGINT : value;
    }

    private static Status status(String label) {
        return label == null ? null : Status.parse(label);
    }

    private static Role role(String label) {
        return label == null ? null : Role.parse(label);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
