package dev.modq.store.postgresql;

import dev.modq.core.AuditChain;
import dev.modq.store.CheckReport;
import dev.modq.store.jdbc.JdbcHealthCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code modq check} on PostgreSQL: the same five checks in the same order, on one read snapshot. The server keeps
 * its own storage consistent, so "integrity" checks what a superuser or the table owner could switch off without
 * modq noticing: the append-only and count triggers being present and enabled, every constraint validated. Foreign
 * keys are checked by query (session_replication_role = replica skips them); the chain, the audit log against the
 * comments and the kept counts exactly as on SQLite ({@link JdbcHealthCheck} runs them all).
 */
final class PgHealthCheck implements JdbcHealthCheck.Checks {

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

    private PgHealthCheck() {
    }

    static CheckReport run(PgStore store) {
        return JdbcHealthCheck.run(new PgAccess(store), new PgHealthCheck());
    }

    @Override
    public void feedChain(Connection conn, AuditChain.Verifier verifier) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log ORDER BY id")) {
            ps.setFetchSize(PgReads.FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (verifier.accept(PgRows.audit(rs)).isPresent()) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public CheckReport.Result integrity(Connection conn) throws SQLException {
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
                problems.stream().limit(JdbcHealthCheck.EXAMPLES).toList());
    }

    @Override
    public CheckReport.Result foreignKeys(Connection conn) throws SQLException {
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
            try (Statement st = JdbcHealthCheck.streaming(conn); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                    if (examples.size() < JdbcHealthCheck.EXAMPLES) {
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
}
