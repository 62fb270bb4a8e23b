package dev.modq.store.sqlite;

import dev.modq.store.StoreReadOnlyException;
import dev.modq.store.migration.Migration;
import dev.modq.store.migration.MigrationPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the bundled migrations in order, each in its own transaction, and records each with its checksum.
 * Refuses a database whose schema is newer than this program or whose applied migrations were edited.
 */
final class Migrator {

    private static final String HISTORY_TABLE = "schema_migrations";

    private final MigrationPlan plan;

    Migrator(List<Migration> migrations) {
        this.plan = new MigrationPlan(migrations);
    }

    int latestVersion() {
        return plan.latestVersion();
    }

    /** Returns the number of migrations applied now. */
    int migrate(Connection conn, String dbName, boolean writable) throws SQLException {
        List<Migration> pending = plan.pending(appliedChecksums(conn), dbName);
        if (pending.isEmpty()) {
            return 0;
        }
        if (!writable) {
            throw new StoreReadOnlyException(dbName + " needs a schema upgrade to V" + format(latestVersion())
                    + " but is read-only for you: ask its owner to run `modq init --db " + dbName + "`");
        }
        createHistoryTable(conn);
        int done = 0;
        for (Migration m : pending) {
            done += apply(conn, m) ? 1 : 0;
        }
        return done;
    }

    private static Map<Integer, String> appliedChecksums(Connection conn) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        if (!tableExists(conn, HISTORY_TABLE)) {
            return applied;
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + HISTORY_TABLE + " ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    static boolean tableExists(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void createHistoryTable(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        }
    }

    /**
     * Applies one migration under the write lock; false when another process applied it while we waited for the
     * lock (two `modq init` on one new file: the second finds the tables made and must not create them again).
     */
    private static boolean apply(Connection conn, Migration m) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("BEGIN IMMEDIATE");
            try {
                if (appliedChecksums(conn).containsKey(m.version())) {
                    st.executeUpdate("ROLLBACK");
                    return false;
                }
                st.executeUpdate(m.sql());
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + HISTORY_TABLE
                        + " (version, name, checksum, applied_at) VALUES (?, ?, ?, CAST(strftime('%s','now') AS INTEGER))")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.fileName());
                    ps.setString(3, m.checksum());
                    ps.executeUpdate();
                }
                st.executeUpdate("COMMIT");
                return true;
            } catch (SQLException e) {
                st.executeUpdate("ROLLBACK");
                throw new SQLException("migration " + m.fileName() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static String format(int version) {
        return MigrationPlan.format(version);
    }
}
