package dev.modq.store.postgresql;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The roles of docs/postgresql.md, on a real server with modq's own migrations: the two SQL blocks marked
 * "tested" are read from the document and run as written (role and database names made unique), then each role
 * is tried at what it may and may not do.
 */
@ExtendWith(PgCluster.class)
class PgRolesTest {

    private static final Pattern TESTED_BLOCK = Pattern.compile("<!-- tested: PgRolesTest[^\\n]*-->\\s*```sql\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern ROLE = Pattern.compile("\\b(modq_owner|modq_app|blog_writer)\\b");
    private static final String DENIED = "42501";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String suffix = "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    private final String database = "modq_roles" + suffix;
    private PgCluster.Server server;

    @AfterEach
    void dropDatabaseAndRoles() throws SQLException {
        if (server == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres")); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            for (String role : List.of("modq_owner", "modq_app", "blog_writer")) {
                st.execute("DROP ROLE IF EXISTS " + role + suffix);
            }
        }
    }

    @Test
    void eachRoleMayDoItsShareAndTheBlogRoleCannotTouchTheAuditLog() throws Exception {
        server = PgCluster.server();
        List<String> blocks = testedBlocks();
        assertEquals(2, blocks.size(), "docs/postgresql.md has the two tested SQL blocks");
        try (Connection su = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
            runScript(su, blocks.get(0).replaceAll("\\bcomments\\b", database));
        }
        CliRun init = CliRun.run("init", "--db", address("modq_owner"));
        assertEquals(0, init.code(), init.toString());
        try (Connection owner = connect("modq_owner")) {
            runScript(owner, blocks.get(1));
        }

        long comment = blogWriterInsertsAPostAndAComment();
        blogWriterIsRefusedEverythingElse(comment);
        appAppendsToTheAuditLogButCannotRewriteItOrTheSchema(comment);
        ownerIsRefusedByTheTriggers();
    }

    private long blogWriterInsertsAPostAndAComment() throws SQLException {
        try (Connection blog = connect("blog_writer"); Statement st = blog.createStatement()) {
            long post = longValue(st, "INSERT INTO posts (title, url, source_system, source_id)"
                    + " VALUES ('Budget vote', 'https://news.example.com/b', 'blog', 'p-1') RETURNING id");
            long comment = longValue(st, "INSERT INTO comments (post_id, author_name, author_email, body)"
                    + " VALUES (" + post + ", 'reader', 'reader@example.com', 'First!') RETURNING id");
            assertEquals(post, longValue(st, "SELECT id FROM posts WHERE source_system = 'blog' AND source_id = 'p-1'"));
            return comment;
        }
    }

    private void blogWriterIsRefusedEverythingElse(long comment) throws SQLException {
        try (Connection blog = connect("blog_writer"); Statement st = blog.createStatement()) {
            refused(st, "SELECT count(*) FROM audit_log");
            refused(st, "INSERT INTO audit_log (id, at, moderator, action, batch_id, version_after, prev_hash, hash)"
                    + " VALUES (999, 0, 'blog', 'approve', 'forged', 1, '', '')");
            refused(st, "UPDATE audit_log SET note = 'edited'");
            refused(st, "DELETE FROM audit_log");
            refused(st, "TRUNCATE audit_log");
            refused(st, "UPDATE comments SET status = 'approved' WHERE id = " + comment);
            refused(st, "DELETE FROM comments WHERE id = " + comment);
            refused(st, "SELECT body, author_email, status FROM comments");
            refused(st, "UPDATE status_counts SET n = 0");
            refused(st, "INSERT INTO moderators (name, role) VALUES ('blog', 'admin')");
        }
    }

    private void appAppendsToTheAuditLogButCannotRewriteItOrTheSchema(long comment) throws SQLException {
        CliRun approve = CliRun.run("approve", String.valueOf(comment), "--db", address("modq_app"));
        assertEquals(0, approve.code(), approve.toString());
        CliRun verify = CliRun.run("log", "--verify", "--db", address("modq_app"));
        assertEquals(0, verify.code(), verify.toString());
        try (Connection app = connect("modq_app"); Statement st = app.createStatement()) {
            assertEquals(1, longValue(st, "SELECT count(*) FROM audit_log WHERE comment_id = " + comment));
            assertEquals("approved", stringValue(st, "SELECT status FROM comments WHERE id = " + comment));
            refused(st, "UPDATE audit_log SET note = 'edited'");
            refused(st, "DELETE FROM audit_log");
            refused(st, "TRUNCATE audit_log");
            refused(st, "DROP TABLE audit_log");
            refused(st, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
            refused(st, "DELETE FROM schema_migrations");
            refused(st, "CREATE TABLE mine (x int)");
        }
    }

    private void ownerIsRefusedByTheTriggers() throws SQLException {
        try (Connection owner = connect("modq_owner"); Statement st = owner.createStatement()) {
            for (String sql : List.of("UPDATE audit_log SET note = 'edited'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
                try {
                    st.execute(sql);
                    fail("the owner could run " + sql);
                } catch (SQLException e) {
                    assertTrue(e.getMessage().contains("append-only"), sql + ": " + e.getMessage());
                }
            }
        }
    }

    private static void refused(Statement st, String sql) {
        try {
            st.execute(sql);
            fail("allowed: " + sql);
        } catch (SQLException e) {
            assertEquals(DENIED, e.getSQLState(), sql + ": " + e.getMessage());
        }
    }

    private Connection connect(String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database
                + "?user=" + role + suffix);
    }

    private String address(String role) {
        return "postgresql://" + role + suffix + "@" + server.host() + ":" + server.port() + "/" + database;
    }

    /** The statements of a doc block with the role names made unique; comments dropped, split at ';' line ends. */
    private void runScript(Connection c, String block) throws SQLException {
        String sql = ROLE.matcher(block).replaceAll("$1" + suffix).replaceAll("(?m)--.*$", "");
        try (Statement st = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    st.execute(statement.strip());
                }
            }
        }
    }

    static List<String> testedBlocks() throws IOException {
        Path doc = Path.of(System.getProperty("modq.basedir", "."), "docs", "postgresql.md");
        Matcher m = TESTED_BLOCK.matcher(Files.readString(doc));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static long longValue(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String stringValue(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
