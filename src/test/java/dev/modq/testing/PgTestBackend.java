package dev.modq.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL for {@link TestStores}: each fresh database is a new, empty database on pgops's throw-away test server
 * ({@link PgCluster}: {@code MODQ_TEST_PG_URL}, else a cluster it starts; in CI a missing server fails, outside CI
 * the PostgreSQL half is reported skipped with the reason), dropped when the test closes it.
 */
public final class PgTestBackend implements TestStores.Backend {

    public static final PgTestBackend INSTANCE = new PgTestBackend();

    private PgTestBackend() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public TestDatabase fresh(Path dir, String hint) {
        PgDatabase db = PgCluster.createDatabase();
        return new TestDatabase(this) {
            @Override
            public String address() {
                return db.address();
            }

            @Override
            public Connection connect() throws SQLException {
                return db.connect();
            }

            /** Explicit ids leave the identity columns behind: move them on, as modq copy does. */
            @Override
            public void seed(int n) {
                super.seed(n);
                try (Connection c = connect(); Statement st = c.createStatement()) {
                    st.execute("SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments))");
                    st.execute("SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts))");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            /** On PostgreSQL the owner can drop the guards (TRUNCATE's too); the chain still shows what was done. */
            @Override
            public List<String> auditGuardsOff() {
                return List.of("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log",
                        "DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log",
                        "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log");
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
