package dev.modq.store.jdbc;

import dev.modq.store.CheckReport;

import dev.modq.core.AuditChain;
import dev.modq.core.ChainProblem;
import dev.modq.core.Status;

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
 * {@code modq check} on either backend: the backend's integrity and foreign-key checks, the audit log's hash chain,
 * each audited comment's status against its last audit entry, and the status counts. All read in one read
 * transaction, so the report describes one snapshot even while others write. Each check runs even when another
 * failed. The first two and the way the chain is read are the backend's ({@link Checks}); the rest is shared SQL.
 */
public final class JdbcHealthCheck {

    /** The checks that are the backend's own. */
    public interface Checks {
        /** The backend's own storage or guard check. */
        CheckReport.Result integrity(Connection conn) throws SQLException;

        /** No row points to a missing row. */
        CheckReport.Result foreignKeys(Connection conn) throws SQLException;

        /** Feeds {@code verifier} the audit log in id order, one entry at a time, until it reports a problem. */
        void feedChain(Connection conn, AuditChain.Verifier verifier) throws SQLException;
    }

    /** How many example ids or messages a failed check shows: the report must fit one screen. */
    public static final int EXAMPLES = 5;

    private final JdbcBackend store;
    private final Checks checks;
    private final Connection conn;
    private long comments;
    private long auditEntries;

    private JdbcHealthCheck(JdbcBackend store, Checks checks) {
        this.store = store;
        this.checks = checks;
        this.conn = store.connection();
    }

    public static CheckReport run(JdbcBackend store, Checks checks) {
        return new JdbcHealthCheck(store, checks).run();
    }

    private CheckReport run() {
        List<CheckReport.Result> results = store.snapshot("checking the database", () -> {
            List<CheckReport.Result> r = new ArrayList<>();
            r.add(guarded(CheckReport.INTEGRITY, () -> checks.integrity(conn)));
            r.add(guarded(CheckReport.FOREIGN_KEYS, () -> checks.foreignKeys(conn)));
            r.add(guarded(CheckReport.AUDIT_CHAIN, this::auditChain));
            r.add(guarded(CheckReport.AUDIT_VS_COMMENTS, this::auditVsComments));
            r.add(guarded(CheckReport.STATUS_COUNTS, this::statusCounts));
            return r;
        });
        return new CheckReport(store.where(), comments, auditEntries, results);
    }

    /** A check that cannot even run (a corrupted page under it) is a failed check, not a crash of the others. */
    private CheckReport.Result guarded(String name, JdbcAccess.SqlCall<CheckReport.Result> check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return couldNotRun(name, e);
        } catch (RuntimeException e) {
            SQLException cause = store.sqlCause(e).orElseThrow(() -> e);
            return couldNotRun(name, cause);
        }
    }

    private CheckReport.Result couldNotRun(String name, SQLException e) {
        return CheckReport.Result.failed(name, 1, "could not run: " + store.firstLine(e.getMessage()), List.of());
    }

    private CheckReport.Result auditChain() throws SQLException {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        checks.feedChain(conn, verifier);
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

    /**
     * Comments never decided in modq (imported with any status) are fine; decided ones must have the status and
     * reason of their last audit entry. Roster entries name no comment; a purge entry's comment is gone on purpose.
     */
    private CheckReport.Result auditVsComments() throws SQLException {
        String sql = "SELECT l.comment_id, c.status, a.to_status, a.id, c.reason, a.reason"
                + " FROM (SELECT comment_id, max(id) AS last_id FROM audit_log WHERE comment_id IS NOT NULL"
                + " GROUP BY comment_id) l"
                + " JOIN audit_log a ON a.id = l.last_id"
                + " LEFT JOIN comments c ON c.id = l.comment_id"
                + " WHERE (c.id IS NULL AND a.action <> 'purge')"
                + " OR (c.id IS NOT NULL AND (a.action = 'purge' OR c.status " + store.dialect().distinctFrom() + " a.to_status"
                + " OR c.reason " + store.dialect().distinctFrom() + " a.reason))"
                + " ORDER BY l.comment_id";
        long total = 0;
        List<String> examples = new ArrayList<>();
        try (Statement st = streaming(conn); ResultSet rs = st.executeQuery(sql)) {
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

    /** One example line: which comment, what it is, what its last entry says. */
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
        return "comment " + id + " has reason " + quoted(rs.getString(5)) + " but its last audit entry " + entry
                + " says " + quoted(rs.getString(6));
    }

    private static String quoted(String reason) {
        return reason == null ? "(none)" : "'" + reason + "'";
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

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Rows counted one by one, keeping a few examples: a badly broken database may have millions of such rows. */
    public static Statement streaming(Connection conn) throws SQLException {
        Statement st = conn.createStatement();
        st.setFetchSize(1_000);
        return st;
    }
}
