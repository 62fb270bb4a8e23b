package dev.modq.store.sqlite;

import dev.modq.core.AuditChain;
import dev.modq.store.CheckReport;
import dev.modq.store.jdbc.JdbcHealthCheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code modq check} on SQLite ({@link JdbcHealthCheck} runs it): integrity is SQLite's own PRAGMA integrity_check,
 * foreign keys its PRAGMA foreign_key_check, the chain read by {@link AuditCursor}.
 */
final class HealthCheck implements JdbcHealthCheck.Checks {

    private static final int INTEGRITY_MAX_ERRORS = 100;

    private final SqliteAccess store;

    private HealthCheck(SqliteAccess store) {
        this.store = store;
    }

    static CheckReport run(SqliteStore store) {
        SqliteAccess access = new SqliteAccess(store);
        return JdbcHealthCheck.run(access, new HealthCheck(access));
    }

    @Override
    public void feedChain(Connection conn, AuditChain.Verifier verifier) throws SQLException {
        try (AuditCursor cursor = new AuditCursor(conn, 0)) {
            while (cursor.hasNext()) {
                if (verifier.accept(cursor.next()).isPresent()) {
                    return;
                }
            }
        }
    }

    @Override
    public CheckReport.Result integrity(Connection conn) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check(" + INTEGRITY_MAX_ERRORS + ")")) {
            while (rs.next()) {
                messages.add(rs.getString(1));
            }
        }
        if (messages.size() == 1 && "ok".equals(messages.get(0))) {
            return CheckReport.Result.ok(CheckReport.INTEGRITY, "PRAGMA integrity_check: ok");
        }
        String count = messages.size() >= INTEGRITY_MAX_ERRORS ? INTEGRITY_MAX_ERRORS + " or more" : String.valueOf(messages.size());
        return CheckReport.Result.failed(CheckReport.INTEGRITY, messages.size(),
                count + " errors from PRAGMA integrity_check: the file is damaged; restore a backup",
                messages.stream().limit(JdbcHealthCheck.EXAMPLES).map(store::firstLine).toList());
    }

    @Override
    public CheckReport.Result foreignKeys(Connection conn) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        long total = 0;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                String edge = rs.getString(1) + " -> " + rs.getString(3);
                counts.merge(edge, 1L, Long::sum);
                if (examples.size() < JdbcHealthCheck.EXAMPLES) {
                    examples.add(rs.getString(1) + " row " + rs.getLong(2) + " points to a missing " + rs.getString(3) + " row");
                }
                total++;
            }
        }
        if (total == 0) {
            return CheckReport.Result.ok(CheckReport.FOREIGN_KEYS, "no row points to a missing row");
        }
        StringBuilder summary = new StringBuilder().append(total).append(" rows point to missing rows (");
        counts.forEach((edge, n) -> summary.append(edge).append(": ").append(n).append(", "));
        summary.setLength(summary.length() - 2);
        return CheckReport.Result.failed(CheckReport.FOREIGN_KEYS, total, summary.append(')').toString(), examples);
    }

}
