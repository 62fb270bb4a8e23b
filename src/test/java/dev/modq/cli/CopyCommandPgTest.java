package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modq copy} between SQLite and PostgreSQL, both ways: a demo database that has seen decisions, an undo,
 * roster changes, a purge and an import goes to PostgreSQL and back, and every hash, row count, export line and
 * figure arrives unchanged; the copy lives on (decisions continue the chain and the ids).
 */
@ExtendWith(PgCluster.class)
class CopyCommandPgTest {

    @TempDir
    Path dir;

    private Path from;

    @BeforeEach
    void aDemoDatabaseThatHasSeenSomeLife() throws URISyntaxException {
        from = dir.resolve("from.db");
        ok("demo", "--comments", "300", "--no-open", "--db", from.toString());
        ok("--db", from.toString(), "reject", "1", "2", "3", "4", "--reason", "spam");
        ok("--db", from.toString(), "approve", "5", "6", "7");
        ok("--db", from.toString(), "undo");
        ok("--db", from.toString(), "flag", "8", "--note", "ask the editor");
        ok("--db", from.toString(), "moderator", "add", "alice", "--role", "viewer");
        ok("--db", from.toString(), "moderator", "role", "alice", "moderator");
        ok("--db", from.toString(), "purge", "--status", "rejected", "--older-than", "0s", "--yes");
        Path wxr = Path.of(CopyCommandPgTest.class.getResource("/import/wxr-1.2.xml").toURI());
        ok("--db", from.toString(), "import", wxr.toString());
    }

    @Test
    void aNulInACommentOrAnAuthorBecomesTheReplacementCharacterAndTheSummarySaysHowMany(PgDatabase pg)
            throws Exception {
        // the demo has hostile comments with a NUL on purpose; PostgreSQL text cannot hold one
        long bodies = TestDb.longValue(from, "SELECT count(*) FROM comments WHERE instr(body, char(0)) > 0");
        assertTrue(bodies > 0);
        try (Connection c = TestDb.connect(from); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE comments SET author_name = 'nul' || char(0) || 'name' WHERE id = 9");
        }
        String head = ok("--db", from.toString(), "log", "--head").out().strip();

        CliRun copy = CliRun.run("copy", from.toString(), pg.address());
        assertEquals(0, copy.code(), copy.toString());
        long values = bodies + 1;
        assertTrue(copy.err().contains("modq: copy: " + values + " text values held a NUL character, which "
                + pg.address() + " cannot store: each NUL became U+FFFD (comments " + values + ")"), copy.err());
        assertTrue(copy.err().contains("all is well (audit chain intact)"), copy.err());

        ok("--db", pg.address(), "check");
        assertTrue(ok("--db", pg.address(), "log", "--verify", "--expect", head).err().contains("audit log intact"));
        try (Connection c = pg.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT author_name FROM comments WHERE id = 9")) {
            rs.next();
            assertEquals("nul\uFFFDname", rs.getString(1));
        }
        assertEquals(bodies, countWhere(pg, "comments", "strpos(body, U&'\\FFFD') > 0"));
        assertEquals(TestDb.longValue(from, "SELECT count(*) FROM comments"), count(pg, "comments"));
    }

    @Test
    void aNulInTheAuditLogIsRefusedInOneLineForItsHashAndNothingIsCopied(PgDatabase pg) throws Exception {
        ok("--db", from.toString(), "flag", "10", "--note", "pasted\0from a terminal");
        long entry = TestDb.longValue(from, "SELECT max(id) FROM audit_log");
        ok("--db", from.toString(), "log", "--verify");

        CliRun copy = CliRun.run("copy", from.toString(), pg.address());
        assertEquals(ExitCode.FAILURE, copy.code(), copy.toString());
        assertEquals(1, copy.err().lines().count(), copy.toString());
        assertTrue(copy.err().contains("audit entry " + entry + " holds a NUL character in its note, which PostgreSQL"
                + " text cannot store, and replacing it would break the audit chain"), copy.err());
        assertTrue(copy.err().contains("nothing was changed"), copy.err());
        assertEquals(0, count(pg, "comments"), "all or nothing");
        assertEquals(0, count(pg, "audit_log"));
    }

    @Test
    void sqliteToPostgresqlAndBackIsLossless(PgDatabase pg) throws Exception {
        // PostgreSQL text holds no NUL (see the test above): the source's hostile demo comments lose theirs first
        try (Connection c = TestDb.connect(from); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, body FROM comments WHERE instr(body, char(0)) > 0");
             var update = c.prepareStatement("UPDATE comments SET body = ? WHERE id = ?")) {
            while (rs.next()) {
                update.setString(1, rs.getString(2).replace("\0", "^@"));
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
            }
        }
        String to = pg.address();
        CliRun copy = CliRun.run("copy", from.toString(), to);
        assertEquals(0, copy.code(), copy.toString());
        assertTrue(copy.err().contains("modq: check on " + to + ": all is well (audit chain intact)"), copy.err());

        String head = ok("--db", from.toString(), "log", "--head").out().strip();
        assertEquals(head, ok("--db", to, "log", "--head").out().strip(), "the same chain, hash for hash");
        assertTrue(ok("--db", to, "log", "--verify", "--expect", head).err().contains("audit log intact"));
        for (String table : new String[]{"comments", "posts", "comment_meta", "moderators", "settings", "audit_log",
                "batches", "import_runs", "pushed_decisions"}) {
            assertEquals(TestDb.longValue(from, "SELECT count(*) FROM " + table), count(pg, table), table);
        }
        assertEquals(ok("--db", from.toString(), "export", "--format", "jsonl").out(),
                ok("--db", to, "export", "--format", "jsonl").out());
        assertEquals(ok("--db", from.toString(), "moderator", "list").out(), ok("--db", to, "moderator", "list").out());
        assertEquals(ok("--db", from.toString(), "stats", "--format", "json").out(),
                ok("--db", to, "stats", "--format", "json").out());
        assertEquals(ok("--db", from.toString(), "list", "--status", "all", "--format", "jsonl").out(),
                ok("--db", to, "list", "--status", "all", "--format", "jsonl").out());

        // the PostgreSQL copy lives on: decisions continue the chain, new comments get new ids
        ok("--db", to, "--as", "alice", "approve", "9");
        ok("--db", to, "log", "--verify");
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO comments (post_id, author_name, body) VALUES (1, 'new', 'after the copy')");
            try (ResultSet rs = st.executeQuery("SELECT max(id) FROM comments")) {
                rs.next();
                assertTrue(rs.getLong(1) > TestDb.longValue(from, "SELECT max(id) FROM comments"));
            }
        }

        // and back to SQLite: the same chain again, now with alice's entry
        Path back = dir.resolve("back.db");
        CliRun home = CliRun.run("copy", to, back.toString());
        assertEquals(0, home.code(), home.toString());
        String newHead = ok("--db", to, "log", "--head").out().strip();
        assertEquals(newHead, ok("--db", back.toString(), "log", "--head").out().strip());
        ok("--db", back.toString(), "check");
    }

    @Test
    void aNonEmptyPostgresqlDestinationIsRefused(PgDatabase pg) {
        ok("--db", pg.address(), "init");
        CliRun refused = CliRun.run("copy", from.toString(), pg.address());
        assertEquals(ExitCode.FAILURE, refused.code(), refused.toString());
        assertEquals(1, refused.err().lines().count(), refused.toString());
        assertTrue(refused.err().contains("is not empty (") && refused.err().contains("moderators"), refused.err());
    }

    private static long count(PgDatabase pg, String table) throws Exception {
        return countWhere(pg, table, "true");
    }

    private static long countWhere(PgDatabase pg, String table, String where) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertTrue(r.code() == 0, String.join(" ", args) + "\n" + r);
        return r;
    }
}
