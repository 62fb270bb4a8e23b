package dev.modq.store.postgresql;

import dev.modq.core.AuditChain;
import dev.modq.core.ChainProblem;
import dev.modq.core.Status;
import dev.modq.store.CheckReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code modq check} on PostgreSQL: the same five checks in the same order, on one read snapshot. The server keeps
 * its own storage consistent, so "integrity" checks what a superuser or the table owner could switch off without
 * modq noticing: the append-only and count triggers being present and enabled, every constraint validated. Foreign
 * keys are checked by query (session_replication_role = replica skips them); the chain, the audit log against the
 * comments and the kept counts exactly as on SQLite.
 */
final class PgHealthCheck {

    static final int EXAMPLES = 5;

    /** Triggers modq's guarantees rest on. */
    private static final List<String> GUARD_TRIGGERS = List.of("audit_log_no_update", "audit_log_no_delete",
            "audit_log_no_truncate", "comments_count_insert", "comments_count_delete", "comments_count_update",
            "comments_version_bump");

    /** child table, column, parent table: every reference the schema declares. */
    private static final String[][] REFERENCES = {
            {"comments", "post_id", "posts"}, {"comments", "parent_id", "comments"}, {"comments", "import_run", "import_runs"},
            {"posts", "import_run", "import_runs"}, {"comment_meta", "comment_id", "comments"},
            {"pushed_decisions", "comment_id", "comments"}, {"audit_log", "undo_of", "audit_log"},
    };

    private final PgStore store;
    private final Connection conn;
    private long comments;
    private long auditEntries;

    private PgHealthCheck(PgStore store) {
        this.store = store;
        this.conn = store.connection();
    }

    static CheckReport run(PgStore store) {
        return new PgHealthCheck(store).run();
    }

    private CheckReport run() {
        List<CheckReport.Result> results = store.read("checking the database", () -> {
            List<CheckReport.Result> r = new ArrayList<>();
            r.add(guarded(CheckReport.INTEGRITY, this::integrity));
            r.add(guarded(CheckReport.FOREIGN_KEYS, this::foreignKeys));
            r.add(guarded(CheckReport.AUDIT_CHAIN, this::auditChain));
            r.add(guarded(CheckReport.AUDIT_VS_COMMENTS, this::auditVsComments));
            r.add(guarded(CheckReport.STATUS_COUNTS, this::statusCounts));
            return r;
        });
        return new CheckReport(store.address(), comments, auditEntries, results);
    }

    private CheckReport.Result guarded(String name, PgWriteTransaction.SqlCall<CheckReport.Result> check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return CheckReport.Result.failed(name, 1, "could not run: " + PgErrors.firstLine(e.getMessage()), List.of());
        } catch (PgWriteTransaction.UncheckedSql e) {
            return CheckReport.Result.failed(name, 1, "could not run: " + PgErrors.firstLine(e.getCause().getMessage()),
                    List.of());
        }
    }

    private CheckReport.Result integrity() throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String> enabled = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT t.tgname, t.tgenabled"
                + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal")) {
            while (rs.next()) {
                enabled.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String trigger : GUARD_TRIGGERS) {
            String state = enabled.get(trigger);
            if (state == null) {
                problems.add("trigger " + trigger + " is missing");
            } else if (state.equals("D")) {
                problems.add("trigger " + trigger + " is disabled");
            }
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT conrelid::regclass::text, conname"
                + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND NOT convalidated")) {
            while (rs.next()) {
                problems.add("constraint " + rs.getString(2) + " on " + rs.getString(1) + " is not validated");
            }
        }
        if (problems.isEmpty()) {
            return CheckReport.Result.ok(CheckReport.INTEGRITY, "guard triggers enabled, constraints validated");
        }
        return CheckReport.Result.failed(CheckReport.INTEGRITY, problems.size(), problems.size()
                + " of modq's guards are off (" + problems.get(0) + "): restore them (see docs/postgresql.md)",
                problems.stream().limit(EXAMPLES).toList());
    }

    private CheckReport.Result foreignKeys() throws SQLException {
        long total = 0;
        List<String> examples = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (String[] ref : REFERENCES) {
            String child = ref[0];
            String column = ref[1];
            String parent = ref[2];
            String sql = "SELECT x." + pk(child) + " FROM " + child + " x WHERE x." + column + " IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE p.id = x." + column + ")";
            long n = 0;
            try (Statement st = streaming(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(child + " row " + rs.getString(1) + " points to a missing " + parent + " row");
                    }
                }
            }
            if (n > 0) {
                summary.append(child).append(" -> ").append(parent).append(": ").append(n).append(", ");
            }
            total += n;
        }
        if (total == 0) {
            return CheckReport.Result.ok(CheckReport.FOREIGN_KEYS, "no row points to a missing row");
        }
        summary.setLength(summary.length() - 2);
        return CheckReport.Result.failed(CheckReport.FOREIGN_KEYS, total,
                total + " rows point to missing rows (" + summary + ")", examples);
    }

    private static String pk(String table) {
        return switch (table) {
            case "comment_meta" -> "comment_id || '/' || x.meta_key";
            case "pushed_decisions" -> "target || '/' || x.comment_id";
            default -> "id";
        };
    }

    private CheckReport.Result auditChain() throws SQLException {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log ORDER BY id")) {
            ps.setFetchSize(PgReads.FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (verifier.accept(PgRows.audit(rs)).isPresent()) {
                        break;
                    }
                }
            }
        }
        Optional<ChainProblem> problem = verifier.problem();
        auditEntries = count("SELECT count(*) FROM audit_log");
        if (problem.isEmpty()) {
            return CheckReport.Result.ok(CheckReport.AUDIT_CHAIN, auditEntries + " entries, hash chain intact");
        }
        ChainProblem p = problem.get();
        return CheckReport.Result.failed(CheckReport.AUDIT_CHAIN, 1,
                "first problem at entry " + p.entryId() + " (" + p.kind().label() + "): " + p.message()
                        + "; run `modq log --verify` for details", List.of(String.valueOf(p.entryId())));
    }

    /** SQLite's query with PostgreSQL's spelling of the null-safe comparison (IS DISTINCT FROM for IS NOT). */
    private CheckReport.Result auditVsComments() throws SQLException {
        String sql = "SELECT l.comment_id, c.status, a.to_status, a.id, c.reason, a.reason"
                + " FROM (SELECT comment_id, max(id) AS last_id FROM audit_log WHERE comment_id IS NOT NULL"
                + " GROUP BY comment_id) l"
                + " JOIN audit_log a ON a.id = l.last_id"
                + " LEFT JOIN comments c ON c.id = l.comment_id"
                + " WHERE (c.id IS NULL AND a.action <> 'purge')"
                + " OR (c.id IS NOT NULL AND (a.action = 'purge' OR c.status IS DISTINCT FROM a.to_status"
                + " OR c.reason IS DISTINCT FROM a.reason))"
                + " ORDER BY l.comment_id";
        long total = 0;
        List<String> examples = new ArrayList<>();
        try (Statement st = streaming(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                total++;
                if (examples.size() < EXAMPLES) {
                    examples.add(difference(rs));
                }
            }
        }
        comments = count("SELECT count(*) FROM comments");
        if (total == 0) {
            return CheckReport.Result.ok(CheckReport.AUDIT_VS_COMMENTS, "every decided comment matches its last audit entry");
        }
        return CheckReport.Result.failed(CheckReport.AUDIT_VS_COMMENTS, total, total + (total == 1 ? " comment differs" : " comments differ")
                + " from its last audit entry (changed without an audit row)", examples);
    }

    private static String difference(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String status = rs.getString(2);
        String entryStatus = rs.getString(3);
        long entry = rs.getLong(4);
        if (status == null) {
            return "comment " + id + " is missing but audit entry " + entry + " names it";
        }
        if (entryStatus == null) {
            return "comment " + id + " exists but audit entry " + entry + " says it was purged";
        }
        if (!status.equals(entryStatus)) {
            return "comment " + id + " is " + status + " but its last audit entry " + entry + " says " + entryStatus;
        }
        String r = rs.getString(5);
        String er = rs.getString(6);
        return "comment " + id + " has reason " + (r == null ? "(none)" : "'" + r + "'") + " but its last audit entry "
                + entry + " says " + (er == null ? "(none)" : "'" + er + "'");
    }

    private CheckReport.Result statusCounts() throws SQLException {
        Map<String, Long> actual = new LinkedHashMap<>();
        Map<String, Long> kept = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            actual.put(s.label(), 0L);
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, count(*) FROM comments GROUP BY status")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT status, n FROM status_counts")) {
            while (rs.next()) {
                kept.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : actual.entrySet()) {
            Long n = kept.get(e.getKey());
            if (n == null || n.longValue() != e.getValue()) {
                wrong.add(e.getKey() + ": status_counts says " + (n == null ? "nothing" : n) + ", actual " + e.getValue());
            }
        }
        if (wrong.isEmpty()) {
            return CheckReport.Result.ok(CheckReport.STATUS_COUNTS, "kept counts match the comments");
        }
        return CheckReport.Result.failed(CheckReport.STATUS_COUNTS, wrong.size(), wrong.size()
                + " of the kept counts differ from the comments: the queue header shows wrong numbers", wrong);
    }

    /** Counted row by row, keeping a few examples: a badly broken database may have millions of such rows. */
    private Statement streaming() throws SQLException {
        Statement st = conn.createStatement();
        st.setFetchSize(PgReads.FETCH);
        return st;
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
