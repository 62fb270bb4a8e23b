package dev.modq.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fresh databases of every backend, so one test class runs on all of them:
 * <pre>
 * &#64;ParameterizedClass
 * &#64;MethodSource("dev.modq.testing.TestStores#backends")
 * class SomeTest {
 *     &#64;Parameter
 *     TestStores.Backend backend;
 *     &#64;TempDir
 *     Path dir;
 *     ... TestDatabase db = backend.fresh(dir, "q"); ... CliRun.run("--db", db.address(), ...)
 * </pre>
 * {@code -Dmodq.test.backends=sqlite} (or {@code postgresql}) runs one backend only.
 */
public final class TestStores {

    /** A backend tests can get fresh databases of. */
    public interface Backend {
        String name();

        /** A new, empty database (for SQLite a path in {@code dir} not created yet), named after {@code hint}. */
        TestDatabase fresh(Path dir, String hint);

        default TestDatabase fresh(Path dir) {
            return fresh(dir, "modq");
        }
    }

    /** SQLite: a file in the test's temporary directory. */
    public static final Backend SQLITE = new Backend() {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public TestDatabase fresh(Path dir, String hint) {
            Path file = dir.resolve(hint.endsWith(".db") ? hint : hint + ".db");
            return new TestDatabase(this) {
                @Override
                public String address() {
                    return file.toString();
                }

                @Override
                public Connection connect() throws SQLException {
                    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                }
            };
        }

        @Override
        public String toString() {
            return name();
        }
    };

    private TestStores() {
    }

    /** Every backend of this build that these tests run on (a {@code @MethodSource}). */
    public static Stream<Backend> backends() {
        List<Backend> all = new ArrayList<>();
        all.add(SQLITE);
        // ==== PostgreSQL goes here (the pg engineer's one line) ====
        // A Backend named "postgresql" whose fresh() returns a TestDatabase on a new, empty database of the
        // throw-away cluster (pgops' PgCluster test helper, or the JDBC URL in MODQ_TEST_PG_URL): address() the
        // postgresql:// (or jdbc:postgresql:) address modq takes in --db, connect() a JDBC connection to it, close()
        // dropping it. In CI a missing server must fail the run, never skip it.
        all.add(PgTestBackend.INSTANCE);
        // ==== end of PostgreSQL ====
        Set<String> only = chosen();
        return all.stream().filter(b -> only.isEmpty() || only.contains(b.name()));
    }

    /** {@code -Dmodq.test.backends=a,b}: only these backends; empty: all. */
    private static Set<String> chosen() {
        String property = System.getProperty("modq.test.backends", "");
        return Arrays.stream(property.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * For the few tests about SQLite files themselves (permissions, a full disk, a damaged file): they run once, on
     * SQLite, and say why elsewhere.
     */
    public static void onlyOnSqlite(Backend backend, String why) {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == SQLITE, "SQLite only: " + why);
    }

    /** Every ordered pair of backends (FROM, TO), for tests of {@code modq copy}. */
    public static Stream<org.junit.jupiter.params.provider.Arguments> pairs() {
        List<Backend> all = backends().toList();
        return all.stream().flatMap(a -> all.stream().map(b -> org.junit.jupiter.params.provider.Arguments.of(a, b)));
    }
}
