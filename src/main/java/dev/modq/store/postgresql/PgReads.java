package dev.modq.store.postgresql;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.ChainPin;
import dev.modq.core.CommentKind;
import dev.modq.core.ListedComment;
import dev.modq.core.Stats;
import dev.modq.core.Stats.DayCount;
import dev.modq.core.Stats.ModeratorCount;
import dev.modq.core.Stats.PostCount;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportRow;
import dev.modq.store.AuditFilter;
import dev.modq.store.CommentStreams;
import dev.modq.store.IdVersionSink;
import dev.modq.store.ListOrder;
import dev.modq.store.sql.SqlFragment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The streamed and aggregate reads of {@link PgStore}: the same SQL as SQLite's where the two agree, with the few
 * PostgreSQL spellings marked. Streams run inside one read-only snapshot and fetch {@value #FETCH} rows at a time
 * (the driver would otherwise hold a whole million-row result in memory).
 */
final class PgReads {

    static final int FETCH = 1_000;

    /** The same count as the query language's {@code links:} term. */
    private static final String LINK_COUNT = "((length(c.body) - length(replace(c.body, '://', ''))) / 3)";

    /** Decisions and their undos: roster changes and purges are not moderation work per day or per person. */
    private static final String DECISIONS = "('approve', 'reject', 'flag', 'pending', 'undo')";

    private PgReads() {
    }

    static long forEachListed(PgStore store, Query query, ListOrder order, long limit, Consumer<ListedComment> each) {
        return streamMatches(store, "listing comments", query, limit, q -> {
            SqlFragment where = q.where(store.clock().instant());
            return new SqlFragment("SELECT " + PgRows.COMMENT_COLUMNS + ", coalesce(p.title, ''), " + LINK_COUNT + q.columns()
                    + " FROM comments c JOIN posts p ON p.id = c.post_id WHERE " + where.sql()
                    + " ORDER BY " + order.orderBy() + (limit > 0 && q.allInSql() ? " LIMIT " + limit : ""), where.params());
        }, rs -> each.accept(new ListedComment(PgRows.comment(rs), rs.getString(17), rs.getInt(18))));
    }

    static long forEachIdVersion(PgStore store, Query query, CommentStreams.IdVersionConsumer each) {
        return forEachIdVersion(store, query, "c.id", 0, each::accept);
    }

    /** Ids and versions of the matches in {@code order} ("c.id" or "c.id DESC"), at most {@code limit} (0: all). */
    static long forEachIdVersion(PgStore store, Query query, String order, long limit, IdVersionSink each) {
        return streamMatches(store, "selecting comments", query, limit, q -> idVersions(q, store.clock().instant(), order,
                limit), rs -> each.accept(rs.getLong(1), rs.getLong(2)));
    }

    /** The SQL of {@link #forEachIdVersion}, also for a write transaction's own reads. */
    static SqlFragment idVersions(PgQuery q, Instant now, String order, long limit) {
        SqlFragment where = q.where(now);
        return new SqlFragment("SELECT c.id, c.version" + q.columns() + " FROM comments c JOIN posts p ON p.id = c.post_id"
                + " WHERE " + where.sql() + " ORDER BY " + order + (limit > 0 && q.allInSql() ? " LIMIT " + limit : ""),
                where.params());
    }

    static long forEachAudit(PgStore store, AuditFilter filter, Consumer<AuditEntry> each) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(where, params, "moderator = ?", filter.moderator());
        add(where, params, "action = ?", filter.action());
        add(where, params, "at >= ?", filter.since() == null ? null : filter.since().toEpochMilli());
        add(where, params, "at < ?", filter.until() == null ? null : filter.until().toEpochMilli());
        add(where, params, "batch_id = ?", filter.batchId());
        add(where, params, "comment_id = ?", filter.commentId());
        String sql = "SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + (filter.newestFirst() ? " ORDER BY id DESC" : " ORDER BY id")
                + (filter.limit() > 0 ? " LIMIT " + filter.limit() : "");
        return stream(store, "reading the audit log", sql, params.toArray(), rs -> each.accept(PgRows.audit(rs)));
    }

    static ChainPin auditHead(PgStore store) {
        return store.queryOne("reading the audit log", "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                rs -> new ChainPin(rs.getLong(1), rs.getString(2))).orElse(new ChainPin(0, AuditChain.GENESIS));
    }

    static Stats stats(PgStore store, int topPosts, int days) {
        // sum(CASE ...) rather than SQLite's sum(boolean): the same SQL runs on both
        List<PostCount> posts = store.queryList("computing statistics", "SELECT c.post_id, coalesce(p.title, ''),"
                        + " count(*), sum(CASE WHEN c.status = 'pending' THEN 1 ELSE 0 END)"
                        + " FROM comments c LEFT JOIN posts p ON p.id = c.post_id"
                        + " GROUP BY c.post_id, p.title ORDER BY count(*) DESC, c.post_id LIMIT ?",
                rs -> new PostCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), topPosts);
        List<ModeratorCount> moderators = store.queryList("computing statistics", "SELECT moderator,"
                        + " sum(CASE WHEN action = 'approve' THEN 1 ELSE 0 END), sum(CASE WHEN action = 'reject' THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN action = 'flag' THEN 1 ELSE 0 END), sum(CASE WHEN action = 'pending' THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN action = 'undo' THEN 1 ELSE 0 END) FROM audit_log WHERE action IN " + DECISIONS
                        + " GROUP BY moderator ORDER BY count(*) DESC, moderator",
                rs -> new ModeratorCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)));
        LocalDate today = LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(Math.max(0, days - 1L));
        long fromMillis = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<DayCount> perDay = store.queryList("computing statistics", "SELECT at / 86400000, count(*) FROM audit_log"
                        + " WHERE at >= ? AND action IN " + DECISIONS + " GROUP BY at / 86400000 ORDER BY 1",
                rs -> new DayCount(LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1) * 86_400_000L), ZoneOffset.UTC),
                        rs.getLong(2)), fromMillis);
        return new Stats(store.countsByStatus(), posts, moderators, perDay);
    }

    /**
     * The export's row. The meta object is spelled out with string_agg so that its text is byte for byte what SQLite's
     * json_group_object writes ({"k":"v"}, keys in order): json_object_agg's text has spaces around the colon.
     */
    private static final String EXPORT_SELECT = "SELECT c.id, c.post_id, c.source_system, c.source_id, p.source_id, p.title,"
            + " p.url, par.source_id, c.author_name, c.author_email, c.author_url, c.author_ip, c.user_agent, c.body, c.kind,"
            + " c.created_at, c.status, c.reason, c.version, a.moderator, a.at, a.action, p.author, p.published_at,"
            + " (SELECT '{' || string_agg(to_json(m.meta_key)::text || ':' || coalesce(to_json(m.meta_value)::text, 'null'),"
            + " ',' ORDER BY m.meta_key) || '}' FROM comment_meta m WHERE m.comment_id = c.id HAVING count(*) > 0), a.id"
            + " FROM comments c JOIN posts p ON p.id = c.post_id"
            + " LEFT JOIN comments par ON par.id = c.parent_id"
            + " LEFT JOIN audit_log a ON a.id = (SELECT max(l.id) FROM audit_log l WHERE l.comment_id = c.id)";

    static long forEachExport(PgStore store, ExportFilter filter, Consumer<ExportRow> out) {
        return streamMatches(store, "exporting comments", filter.query(), 0, q -> exportSql(store, filter, q),
                rs -> out.accept(exportRow(rs)));
    }

    private static SqlFragment exportSql(PgStore store, ExportFilter filter, PgQuery q) {
        SqlFragment where = q.where(store.clock().instant());
        StringBuilder sql = new StringBuilder(EXPORT_SELECT.replace(" FROM comments c JOIN posts p", q.columns()
                + " FROM comments c JOIN posts p")).append(" WHERE (").append(where.sql()).append(')');
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
        return new SqlFragment(sql.toString(), params);
    }

    private static ExportRow exportRow(ResultSet rs) throws SQLException {
        Long decidedAt = PgRows.nullableLong(rs, 21);
        Long publishedAt = PgRows.nullableLong(rs, 24);
        return new ExportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), CommentKind.parse(rs.getString(15)),
                Instant.ofEpochSecond(rs.getLong(16)), Status.parse(rs.getString(17)), rs.getString(18),
                rs.getLong(19), rs.getString(20), decidedAt == null ? null : Instant.ofEpochMilli(decidedAt),
                rs.getString(22), rs.getString(23), publishedAt == null ? null : Instant.ofEpochSecond(publishedAt),
                rs.getString(25), rs.getLong(26));
    }

    static long confirmPushed(PgStore store, ExportFilter unpushed, long throughDecision, Set<String> except) {
        List<long[]> marks = new ArrayList<>();
        forEachExport(store, unpushed, row -> {
            if (row.decisionId() <= throughDecision && !except.contains(row.sourceId())) {
                marks.add(new long[]{row.id(), row.decisionId()});
            }
        });
        long now = store.clock().millis();
        return store.transaction("confirming the push", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pushed_decisions"
                    + " (target, comment_id, audit_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (target, comment_id)"
                    + " DO UPDATE SET audit_id = excluded.audit_id, at = excluded.at")) {
                for (long[] mark : marks) {
                    PgRows.bind(ps, unpushed.unpushedFor(), mark[0], mark[1], now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return (long) marks.size();
        });
    }

    // ---- demo marks: the same rule as SQLite's DemoDatabase

    private static final String DEMO_MARK = "demo";
    private static final String DEMO_CONTENTS = "demo_contents";

    static void markDemo(PgStore store) {
        store.putSetting(DEMO_CONTENTS, demoContents(store));
        store.putSetting(DEMO_MARK, "1");
    }

    static boolean isDemo(PgStore store) {
        return store.setting(DEMO_MARK).isPresent();
    }

    static Optional<String> otherThanDemo(PgStore store) {
        List<String> found = new ArrayList<>();
        addCount(found, count(store, "SELECT count(*) FROM audit_log"), "decision(s) in the audit log");
        addCount(found, count(store, "SELECT count(*) FROM batches"), "decision batch(es)");
        addCount(found, count(store, "SELECT count(*) FROM comments WHERE source_system <> 'demo'"),
                "comment(s) not from the demo (imported or written by a blog)");
        addCount(found, count(store, "SELECT count(*) FROM posts WHERE source_system <> 'demo'"), "post(s) not from the demo");
        addCount(found, count(store, "SELECT count(*) FROM comments WHERE version <> 0"), "changed comment(s)");
        Optional<String> recorded = store.setting(DEMO_CONTENTS);
        if (recorded.isPresent() && !recorded.get().equals(demoContents(store))) {
            found.add("rows added or removed since the demo was made (" + demoContents(store) + ", made with "
                    + recorded.get() + ")");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private static String demoContents(PgStore store) {
        return "comments=" + count(store, "SELECT count(*) FROM comments")
                + " posts=" + count(store, "SELECT count(*) FROM posts")
                + " meta=" + count(store, "SELECT count(*) FROM comment_meta")
                + " moderators=" + count(store, "SELECT count(*) FROM moderators");
    }

    private static void addCount(List<String> found, long n, String what) {
        if (n > 0) {
            found.add(n + " " + what);
        }
    }

    private static long count(PgStore store, String sql) {
        return store.queryOne("checking what the database holds", sql, rs -> rs.getLong(1)).orElse(0L);
    }

    // ----

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} in one read snapshot, handing each row to {@code each}; returns how many. */
    static long stream(PgStore store, String doing, String sql, Object[] params, RowConsumer each) {
        return store.read(doing, () -> {
            long n = 0;
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                PgRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs);
                        n++;
                    }
                }
            }
            return n;
        });
    }

    @FunctionalInterface
    interface QueryToSql {
        SqlFragment sql(PgQuery query);
    }

    /**
     * Runs {@code query}'s SQL (from {@code sql}) in one read snapshot, with its word lists read in the same snapshot,
     * and hands each row that also passes the regular expressions and word lists to {@code each}, at most
     * {@code limit} (0: all); returns how many. The rows stream {@value #FETCH} at a time.
     */
    static long streamMatches(PgStore store, String doing, Query query, long limit, QueryToSql sql, RowConsumer each) {
        return store.read(doing, () -> {
            PgQuery q = PgQuery.of(store.connection(), query);
            return streamMatches(store.connection(), q, sql.sql(q), limit, each);
        });
    }

    /** The same inside the caller's transaction (a write's, or a read's): {@code conn} must not be in auto-commit. */
    static long streamMatches(java.sql.Connection conn, PgQuery q, SqlFragment sql, long limit, RowConsumer each)
            throws SQLException {
        long n = 0;
        try (PreparedStatement ps = conn.prepareStatement(sql.sql())) {
            ps.setFetchSize(FETCH);
            PgRows.bind(ps, sql.params().toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while ((limit <= 0 || n < limit) && rs.next()) {
                    if (q.test(rs)) {
                        each.accept(rs);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            params.add(value);
        }
    }
}
