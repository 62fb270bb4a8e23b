package dev.modq.store.postgresql;

import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;
import dev.modq.store.migration.Migration;
import dev.modq.store.migration.MigrationFiles;
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
 * PostgreSQL's migrator: the files of {@value #LOCATION}, applied in order, each in its own transaction (DDL is
 * transactional here, so a failed migration leaves nothing behind), recorded in {@code schema_migrations} with the
 * same checksum as SQLite's and refused on the same grounds ({@link MigrationPlan}).
 */
final class PgMigrator {

    static final String LOCATION = "db/migrations/postgresql";

    private static final String HISTORY_TABLE = "schema_migrations";

    /**
     * Key of the transaction-level advisory lock that makes two `modq init` on one new database apply each
     * migration once (the history table may not exist yet, so there is no row to lock).
     */
    private static final long MIGRATION_LOCK_KEY = 0x6d6f6471_00000001L;  // "modq", 1

    private final MigrationPlan plan;

    PgMigrator(List<Migration> migrations) {
        this.plan = new MigrationPlan(migrations);
    }

    static PgMigrator bundled() {
        return new PgMigrator(MigrationFiles.bundled(LOCATION));
    }

    int latestVersion() {
        return plan.latestVersion();
    }

    /** Returns the number of migrations applied now. The connection must be in auto-commit mode. */
    int migrate(Connection conn, String dbName, boolean mayChangeSchema) throws SQLException {
        List<Migration> pending = plan.pending(appliedChecksums(conn), dbName);
        if (pending.isEmpty()) {
            return 0;
        }
        if (!mayChangeSchema) {
            throw new StoreReadOnlyException(dbName + " needs a schema upgrade to V" + MigrationPlan.format(latestVersion())
                    + ": ask its owner to run `modq init --db " + dbName + "`");
        }
        int done = 0;
        for (Migration m : pending) {
            done += apply(conn, m) ? 1 : 0;
        }
        return done;
    }

    /** Version to checksum of what the database records; empty for a database modq never touched. */
    static Map<Integer, String> appliedChecksums(Connection conn) throws SQLException {
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

    /** Whether the table exists in the schema modq uses (the first of the search path). */
    static boolean tableExists(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** False when another process applied it while we waited for the lock. */
    private static boolean apply(Connection conn, Migration m) throws SQLException {
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            try {
                st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
                st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " (version integer PRIMARY KEY,"
                        + " name text NOT NULL, checksum text NOT NULL, applied_at bigint NOT NULL)");
                if (appliedChecksums(conn).containsKey(m.version())) {
                    conn.rollback();
                    return false;
                }
                st.execute(m.sql());
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + HISTORY_TABLE
                        + " (version, name, checksum, applied_at) VALUES (?, ?, ?, floor(extract(epoch FROM now()))::bigint)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.fileName());
                    ps.setString(3, m.checksum());
                    ps.executeUpdate();
                }
                conn.commit();
                return true;
            } catch (SQLException e) {
                conn.rollback();
                if ("42501".equals(e.getSQLState())) {
                    throw new StoreException("migration " + m.fileName() + " needs to create tables, which this database"
                            + " role may not do: run `modq init` as the schema owner (see docs/postgresql.md)", e);
                }
                throw new SQLException("migration " + m.fileName() + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
        } finally {
            conn.setAutoCommit(true);
        }
    }
}
