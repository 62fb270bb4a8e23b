package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code modq copy FROM TO} between two SQLite files, on a real demo database with decisions, undo, roster and an import. */
class CopyCommandTest {

    @TempDir
    Path dir;

    private Path from;

    @BeforeEach
    void aDemoDatabaseThatHasSeenSomeLife() throws URISyntaxException {
        from = dir.resolve("from.db");
        ok("demo", "--comments", "400", "--no-open", "--db", from.toString());
        ok("--db", from.toString(), "reject", "1", "2", "3", "4", "--reason", "spam");
        ok("--db", from.toString(), "approve", "5", "6", "7");
        ok("--db", from.toString(), "undo");
        ok("--db", from.toString(), "flag", "8", "--note", "ask the editor");
        ok("--db", from.toString(), "moderator", "add", "alice", "--role", "viewer");
        ok("--db", from.toString(), "moderator", "role", "alice", "moderator");
        ok("--db", from.toString(), "purge", "--status", "rejected", "--older-than", "0s", "--yes");
        Path wxr = Path.of(CopyCommandTest.class.getResource("/import/wxr-1.2.xml").toURI());
        ok("--db", from.toString(), "import", wxr.toString());
    }

    @Test
    void copiesEveryRowWithTheAuditChainIntactAndChecksTheDestination() {
        Path to = dir.resolve("to.db");
        CliRun copy = CliRun.run("copy", from.toString(), to.toString());
        assertEquals(0, copy.code(), copy.toString());
        assertEquals("", copy.out());
        assertTrue(copy.err().startsWith("modq: copied " + from + " to " + to + ": "), copy.err());
        assertTrue(copy.err().contains("modq: check on " + to + ": all is well (audit chain intact)"), copy.err());

        // the same audit log, hash for hash: the head pin of FROM verifies on TO
        String head = ok("--db", from.toString(), "log", "--head").out().strip();
        assertEquals(head, ok("--db", to.toString(), "log", "--head").out().strip());
        assertTrue(ok("--db", to.toString(), "log", "--verify", "--expect", head).err().contains("audit log intact"));
        ok("--db", to.toString(), "check");

        for (String table : new String[]{"comments", "posts", "comment_meta", "moderators", "settings", "audit_log",
                "batches", "import_runs", "pushed_decisions"}) {
            assertEquals(TestDb.longValue(from, "SELECT count(*) FROM " + table),
                    TestDb.longValue(to, "SELECT count(*) FROM " + table), table);
        }
        assertNotEquals(0L, TestDb.longValue(to, "SELECT count(*) FROM import_runs"), "the import run came along");
        assertEquals(TestDb.longValue(from, "SELECT sum(n) FROM status_counts"),
                TestDb.longValue(to, "SELECT sum(n) FROM status_counts"));
        // everything a user sees is the same: every comment with its decision, the roster, the stats
        assertEquals(ok("--db", from.toString(), "export", "--format", "jsonl").out(),
                ok("--db", to.toString(), "export", "--format", "jsonl").out());
        assertEquals(ok("--db", from.toString(), "moderator", "list").out(),
                ok("--db", to.toString(), "moderator", "list").out());
        assertEquals(ok("--db", from.toString(), "stats", "--format", "json").out(),
                ok("--db", to.toString(), "stats", "--format", "json").out());
        // and the copy lives on: alice may decide there, and the chain continues
        ok("--db", to.toString(), "--as", "alice", "approve", "9");
        ok("--db", to.toString(), "log", "--verify");
    }

    @Test
    void refusesADestinationHoldingDataInOneLineAndChangesNothing() throws Exception {
        Path to = dir.resolve("to.db");
        ok("copy", from.toString(), to.toString());
        byte[] before = Files.readAllBytes(to);
        long audit = TestDb.longValue(to, "SELECT count(*) FROM audit_log");
        CliRun again = CliRun.run("copy", from.toString(), to.toString());
        assertEquals(ExitCode.FAILURE, again.code(), again.toString());
        assertEquals(1, again.err().lines().count(), again.toString());
        assertTrue(again.err().startsWith("modq: copy: " + to + " is not empty ("), again.err());
        assertTrue(again.err().contains("nothing was changed"), again.err());
        assertEquals(audit, TestDb.longValue(to, "SELECT count(*) FROM audit_log"));
        assertEquals(before.length, Files.readAllBytes(to).length);
    }

    @Test
    void anInitialisedButEmptyDestinationIsFine() {
        Path to = dir.resolve("empty.db");
        ok("--db", to.toString(), "init"); // init makes its creator the first admin: that is data, refused
        CliRun refused = CliRun.run("copy", from.toString(), to.toString());
        assertEquals(ExitCode.FAILURE, refused.code(), refused.toString());
        assertTrue(refused.err().contains("moderators"), refused.err());
    }

    @Test
    void badAddressesAreOneLine() {
        CliRun same = CliRun.run("copy", from.toString(), from.toString());
        assertEquals(ExitCode.USAGE, same.code(), same.toString());
        CliRun missing = CliRun.run("copy", dir.resolve("nothing.db").toString(), dir.resolve("x.db").toString());
        assertEquals(ExitCode.FAILURE, missing.code(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.toString());
        assertFalse(Files.exists(dir.resolve("x.db")), "a missing FROM creates no TO");
        CliRun pg = CliRun.run("copy", from.toString(), "postgresql://modq@localhost/none");
        assertEquals(ExitCode.USAGE, pg.code(), pg.toString());
        assertEquals(1, pg.err().lines().count(), pg.toString());
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertTrue(r.code() == 0, String.join(" ", args) + "\n" + r);
        return r;
    }
}
