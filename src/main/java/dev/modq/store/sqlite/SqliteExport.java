package dev.modq.store.sqlite;

import dev.modq.store.sql.SqlFragment;
import dev.modq.store.sql.QuerySql;
import dev.modq.core.CommentKind;
import dev.modq.core.Status;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportRow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams comments for export in id order, one row at a time: a million comments never sit in memory. */
public final class SqliteExport {

    private static final String SELECT = "SELECT c.id, c.post_id, c.source_system, c.source_id, p.source_id, p.title, p.url,"
            + " par.source_id, c.author_name, c.author_email, c.author_url, c.author_ip, c.user_agent, c.body, c.kind,"
            + " c.created_at, c.status, c.reason, c.version, a.moderator, a.at, a.action, p.author, p.published_at,"
            + " (SELECT json_group_object(m.meta_key, m.meta_value) FROM comment_meta m WHERE m.comment_id = c.id"
            + " HAVING count(*) > 0), a.id"
            + " FROM comments c JOIN posts p ON p.id = c.post_id"
            + " LEFT JOIN comments par ON par.id = c.parent_id"
            + " LEFT JOIN audit_log a ON a.id = (SELECT max(l.id) FROM audit_log l WHERE l.comment_id = c.id)";

    private SqliteExport() {
    }

    public static long forEach(SqliteStore store, ExportFilter filter, Consumer<ExportRow> out) {
        SqlFragment where = store.where(filter.query());
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (").append(where.sql()).append(')');
        List<Object> params = new ArrayList<>(where.params());
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND c.status IN (").append("?,".repeat(filter.statuses().size() - 1)).append("?)");
            filter.statuses().stream().map(Status::label).sorted().forEach(params::add);
        }
        if (filter.decidedSince() != null) {
            sql.append(" AND a.at >= ?");
            params.add(filter.decidedSince().toEpochMilli());
        }
        if (filter.unpushedFor() != null) {
            sql.append(" AND a.id > coalesce((SELECT pd.audit_id FROM pushed_decisions pd WHERE pd.target = ?"
                    + " AND pd.comment_id = c.id), 0)");
            params.add(filter.unpushedFor());
        }
        if (filter.sourceSystem() != null) {
            sql.append(" AND c.source_system = ?");
            params.add(filter.sourceSystem());
        }
        sql.append(" ORDER BY c.id");
        return store.sql("exporting comments", () -> {
            long n = 0;
            try (PreparedStatement ps = store.connection().prepareStatement(sql.toString())) {
                SqliteStore.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.accept(row(rs));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    private static ExportRow row(ResultSet rs) throws java.sql.SQLException {
        Long decidedAt = Rows.nullableLong(rs, 21);
        Long publishedAt = Rows.nullableLong(rs, 24);
        return new ExportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), CommentKind.parse(rs.getString(15)),
                Instant.ofEpochSecond(rs.getLong(16)), Status.parse(rs.getString(17)), rs.getString(18),
                rs.getLong(19), rs.getString(20), decidedAt == null ? null : Instant.ofEpochMilli(decidedAt),
                rs.getString(22), rs.getString(23), publishedAt == null ? null : Instant.ofEpochSecond(publishedAt),
                rs.getString(25), rs.getLong(26));
    }
}
