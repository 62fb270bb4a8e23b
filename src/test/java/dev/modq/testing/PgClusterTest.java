package dev.modq.testing;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test PostgreSQL helper works: a real server answers, and each test's database is its own and is dropped. */
@ExtendWith(PgCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgClusterTest {

    private static String injectedName;

    @Test
    @Order(1)
    void aRealServerAnswersSelectVersion(PgDatabase db) throws SQLException {
        injectedName = db.name();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_database()")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("PostgreSQL "), rs.getString(1));
            assertEquals(db.name(), rs.getString(2));
        }
    }

    @Test
    @Order(2)
    void theDatabaseInjectedIntoAnEarlierTestWasDroppedAfterIt() throws SQLException {
        assertTrue(injectedName != null, "test 1 ran first");
        assertFalse(exists(injectedName), injectedName + " should have been dropped after its test");
    }

    @Test
    @Order(3)
    void twoDatabasesAreIsolatedAndClosingDropsOne() throws SQLException {
        try (PgDatabase a = PgCluster.createDatabase(); PgDatabase b = PgCluster.createDatabase()) {
            assertNotEquals(a.name(), b.name());
            try (Connection c = a.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE only_in_a (x int)");
            }
            try (Connection c = b.connect(); Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM only_in_a"));
            }
            Connection open = a.connect(); // an open session must not stop the drop
            a.close();
            assertFalse(exists(a.name()));
            assertTrue(open.isClosed() || !open.isValid(2));
            assertTrue(exists(b.name()));
        }
    }

    @Test
    @Order(4)
    void aTemplateIsBuiltOnceAndClonedWithItsContents() throws SQLException {
        int[] builds = {0};
        String t = PgCluster.template("pgclustertest", db -> {
            builds[0]++;
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE seeded (x int); INSERT INTO seeded VALUES (42)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(t, PgCluster.template("pgclustertest", db -> builds[0]++));
        assertEquals(1, builds[0]);
        try (PgDatabase clone = PgCluster.createDatabase(t); Connection c = clone.connect();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT x FROM seeded")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void theAddressFormNamesUserHostPortAndDatabase() {
        PgCluster.Server s = PgCluster.server();
        assertEquals("postgresql://" + s.user() + "@" + s.host() + ":" + s.port() + "/x", s.address("x"));
        assertTrue(s.jdbcUrl("x").startsWith("jdbc:postgresql://" + s.host() + ":" + s.port() + "/x"));
    }

    @Test
    void theScriptsExportLinesAreParsed() {
        Map<String, String> vars = PgCluster.parseExports("export MODQ_PG_CLUSTER_DIR='/tmp/modq-pg.x1'\n"
                + "export MODQ_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5/modq?user=postgres'\n"
                + "export PGHOST='/tmp/modq-pg.x1' PGPORT='5'\n");
        assertEquals("/tmp/modq-pg.x1", vars.get("MODQ_PG_CLUSTER_DIR"));
        assertEquals("jdbc:postgresql://127.0.0.1:5/modq?user=postgres", vars.get("MODQ_TEST_PG_URL"));
        assertEquals("5", vars.get("PGPORT"));
    }

    private static boolean exists(String name) throws SQLException {
        try (PgDatabase probe = PgCluster.createDatabase(); Connection c = probe.connect();
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
