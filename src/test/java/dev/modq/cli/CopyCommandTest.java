package dev.modq.cli;

import dev.modq.store.OpenMode;
import dev.modq.store.RowCopy;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modq copy FROM TO} for every pair of backends (FROM, TO), on a real demo database with decisions, undo, roster
 * changes, a purge and an import.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#pairs")
class CopyCommandTest {

    @Parameter(0)
    TestStores.Backend fromBackend;

    @Parameter(1)
    TestStores.Backend toBackend;

    @TempDir
    Path dir;

    private TestDatabase from;
    private TestDatabase to;

    @BeforeEach
    void aDemoDatabaseThatHasSeenSomeLife() throws URISyntaxException {
        from = fromBackend.fresh(dir, "from.db");
        to = toBackend.fresh(dir, "to.db");
        // the life is made on SQLite (a PostgreSQL FROM then gets it by a copy), so every pair starts from the same rows
        boolean pgInvolved = !fromBackend.name().equals("sqlite") || !toBackend.name().equals("sqlite");
        TestDatabase life = fromBackend.name().equals("sqlite") ? from : TestStores.SQLITE.fresh(dir, "life.db");
        ok("demo", "--comments", "400", "--no-open", "--db", life.address());
        ok("--db", life.address(), "reject", "1", "2", "3", "4", "--reason", "spam");
        ok("--db", life.address(), "approve", "5", "6", "7");
        ok("--db", life.address(), "undo");
        ok("--db", life.address(), "flag", "8", "--note", "ask the editor");
        ok("--db", life.address(), "moderator", "add", "alice", "--role", "viewer");
        ok("--db", life.address(), "moderator", "role", "alice", "moderator");
        ok("--db", life.address(), "purge", "--status", "rejected", "--older-than", "0s", "--yes");
        Path wxr = Path.of(CopyCommandTest.class.getResource("/import/wxr-1.2.xml").toURI());
        ok("--db", life.address(), "import", wxr.toString());
        if (pgInvolved) {
            withoutNul(life);  // the demo's hostile comments carry a NUL, which PostgreSQL text cannot hold
        }
        if (life != from) {
            ok("copy", life.address(), from.address());
        }
    }

    private static void withoutNul(TestDatabase db) {
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT id, body FROM comments WHERE instr(body, char(0)) > 0");
             java.sql.PreparedStatement update = c.prepareStatement("UPDATE comments SET body = ? WHERE id = ?")) {
            while (rs.next()) {
                update.setString(1, rs.getString(2).replace("\0", "^@"));
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void copiesEveryRowWithTheAuditChainIntactAndChecksTheDestination() {
        CliRun copy = CliRun.run("copy", from.address(), to.address());
        assertEquals(0, copy.code(), copy.toString());
        assertEquals("", copy.out());
        assertTrue(copy.err().startsWith("modq: copied " + from + " to " + to + ": "), copy.err());
        assertTrue(copy.err().contains("modq: check on " + to + ": all is well (audit chain intact)"), copy.err());

        // the same audit log, hash for hash: the head pin of FROM verifies on TO
        String head = ok("--db", from.address(), "log", "--head").out().strip();
        assertEquals(head, ok("--db", to.address(), "log", "--head").out().strip());
        assertTrue(ok("--db", to.address(), "log", "--verify", "--expect", head).err().contains("audit log intact"));
        ok("--db", to.address(), "check");

        for (String table : new String[]{"comments", "posts", "comment_meta", "moderators", "settings", "audit_log",
                "batches", "import_runs", "pushed_decisions", "score_model", "score_tokens", "rules", "word_lists",
                "word_list_words", "comment_holds", "moderator_keys", "ssh_sessions"}) {
            assertEquals(from.longValue("SELECT count(*) FROM " + table),
                    to.longValue("SELECT count(*) FROM " + table), table);
        }
        if (!fromBackend.name().equals("postgresql")) {
            assertNotEquals(0L, to.longValue("SELECT count(*) FROM import_runs"), "the import run came along");
        }
        assertNotEquals(0L, to.longValue("SELECT count(*) FROM score_tokens"), "the trained spam model came along");
        assertEquals(from.longValue("SELECT count(*) FROM comments WHERE score >= 0"),
                to.longValue("SELECT count(*) FROM comments WHERE score >= 0"), "stored scores came along");
        assertEquals(from.longValue("SELECT sum(n) FROM status_counts"),
                to.longValue("SELECT sum(n) FROM status_counts"));
        // everything a user sees is the same: every comment with its decision, the roster, the stats
        assertEquals(ok("--db", from.address(), "export", "--format", "jsonl").out(),
                ok("--db", to.address(), "export", "--format", "jsonl").out());
        assertEquals(ok("--db", from.address(), "moderator", "list").out(),
                ok("--db", to.address(), "moderator", "list").out());
        assertEquals(ok("--db", from.address(), "stats", "--format", "json").out(),
                ok("--db", to.address(), "stats", "--format", "json").out());
        // and the copy lives on: alice may decide there, and the chain continues
        ok("--db", to.address(), "--as", "alice", "approve", "9");
        ok("--db", to.address(), "log", "--verify");
    }

    @Test
    void refusesADestinationHoldingDataInOneLineAndChangesNothing() throws Exception {
        ok("copy", from.address(), to.address());
        String before = to.rows("SELECT id, hash FROM audit_log ORDER BY id").toString();
        long audit = to.longValue("SELECT count(*) FROM audit_log");
        CliRun again = CliRun.run("copy", from.address(), to.address());
        assertEquals(ExitCode.FAILURE, again.code(), again.toString());
        assertEquals(1, again.err().lines().count(), again.toString());
        assertTrue(again.err().startsWith("modq: copy: " + to + " is not empty ("), again.err());
        assertTrue(again.err().contains("nothing was changed"), again.err());
        assertEquals(audit, to.longValue("SELECT count(*) FROM audit_log"));
        assertEquals(before, to.rows("SELECT id, hash FROM audit_log ORDER BY id").toString());
    }

    @Test
    void anInitialisedDestinationHoldsItsFirstAdminSoItIsRefused() {
        ok("--db", to.address(), "init"); // init makes its creator the first admin: that is data, refused
        CliRun refused = CliRun.run("copy", from.address(), to.address());
        assertEquals(ExitCode.FAILURE, refused.code(), refused.toString());
        assertTrue(refused.err().contains("moderators"), refused.err());
    }

    @Test
    void theStoreRefusesToWriteRowsOverDataEvenWithoutThePreCheck() {
        ok("--db", to.address(), "init");
        try (Store destination = to.open(OpenMode.EXISTING)) {
            StoreException e = assertThrows(StoreException.class, () -> destination.writeRows("copying",
                    sink -> sink.table(new RowCopy.Table("moderators", List.of("name", "role", "created_at", "disabled")))));
            assertTrue(e.getMessage().contains("is not empty (1 moderators)"), e.getMessage());
        }
        assertEquals(1, to.longValue("SELECT count(*) FROM moderators"));
    }

    @Test
    void badAddressesAreOneLine() {
        TestStores.onlyOnSqlite(fromBackend, "file paths");
        TestStores.onlyOnSqlite(toBackend, "file paths");
        CliRun same = CliRun.run("copy", from.address(), from.address());
        assertEquals(ExitCode.USAGE, same.code(), same.toString());
        CliRun missing = CliRun.run("copy", dir.resolve("nothing.db").toString(), dir.resolve("x.db").toString());
        assertEquals(ExitCode.FAILURE, missing.code(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.toString());
        assertFalse(Files.exists(dir.resolve("x.db")), "a missing FROM creates no TO");
        // a PostgreSQL address goes to the PostgreSQL backend: nothing listens on port 1, one line, exit 1
        CliRun pg = CliRun.run("copy", from.address(), "postgresql://modq@127.0.0.1:1/none");
        assertEquals(ExitCode.FAILURE, pg.code(), pg.toString());
        assertEquals(1, pg.err().lines().count(), pg.toString());
        assertTrue(pg.err().startsWith("modq: cannot connect to postgresql://modq@127.0.0.1:1/none: "), pg.toString());
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertTrue(r.code() == 0, String.join(" ", args) + "\n" + r);
        return r;
    }
}
