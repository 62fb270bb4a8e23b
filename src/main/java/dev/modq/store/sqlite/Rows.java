package dev.modq.store.sqlite;

import dev.modq.core.AuditEntry;
import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Moderator;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.Role;
import dev.modq.core.Status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps result-set rows to core records; column lists live beside the mappers so they stay in step. */
final class Rows {

    static final String COMMENT_COLUMNS = "c.id, c.post_id, c.parent_id, c.author_name, c.author_email, c.author_url,"
            + " c.author_ip, c.user_agent, c.body, c.kind, c.created_at, c.status, c.reason, c.version,"
            + " c.source_system, c.source_id";

    static final String POST_COLUMNS = "id, title, url, author, published_at, source_system, source_id";

    /**
     * The excerpt is cut in SQL: a queue row never carries a whole 10 MB comment. SQLite's substr() on text
     * stops at a NUL, so a body holding one is cut by bytes instead (enough for 240 code points) and trimmed
     * to whole code points by {@link #excerpt}.
     */
    static final int EXCERPT_CHARS = 240;

    static final String QUEUE_COLUMNS = "c.id, c.status, c.created_at, c.version, c.post_id, p.title, c.author_name,"
            + " CASE WHEN instr(c.body, char(0)) > 0"
            + " THEN CAST(substr(CAST(c.body AS BLOB), 1, " + 4 * EXCERPT_CHARS + ") AS TEXT)"
            + " ELSE substr(c.body, 1, " + EXCERPT_CHARS + ") END, c.score,"
            + " EXISTS (SELECT 1 FROM comment_holds h WHERE h.comment_id = c.id)";

    static final String AUDIT_COLUMNS = "id, at, moderator, actor, comment_id, action, from_status, to_status, reason,"
            + " from_reason, note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,"
            + " prev_hash, hash";

    private Rows() {
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
                excerpt(nullToEmpty(rs.getString(8))), rs.getInt(9), rs.getInt(10) == 1);
    }

    /** At most {@link #EXCERPT_CHARS} code points, without the U+FFFD a byte cut inside a character leaves. */
    static String excerpt(String s) {
        if (s.indexOf('\0') < 0) {
            return s;
        }
        String cut = s.codePointCount(0, s.length()) > EXCERPT_CHARS
                ? s.substring(0, s.offsetByCodePoints(0, EXCERPT_CHARS)) : s;
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    static AuditEntry audit(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                nullableLong(rs, 5), rs.getString(6), status(rs.getString(7)), status(rs.getString(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), nullableLong(rs, 13), rs.getLong(14),
                rs.getString(15), role(rs.getString(16)), role(rs.getString(17)), rs.getInt(18), rs.getString(19),
                rs.getString(20));
    }

    private static Status status(String label) {
        return label == null ? null : Status.parse(label);
    }

    private static Role role(String label) {
        return label == null ? null : Role.parse(label);
    }

    static Moderator moderator(ResultSet rs) throws SQLException {
        return new Moderator(rs.getString(1), Role.parse(rs.getString(2)), Instant.ofEpochSecond(rs.getLong(3)),
                rs.getInt(4) != 0);
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
