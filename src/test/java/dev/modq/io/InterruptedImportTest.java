package dev.modq.io;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run killed while it applied is undone by the next import; one that is still applying blocks a second. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class InterruptedImportTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    private static void sql(CliHarness modq, String... statements) throws Exception {
        try (Connection c = modq.database.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    /** What a run killed after its first chunks leaves: the run 'applying', its comments tagged with it. */
    private CliHarness interruptedRun(long heartbeatMs) throws Exception {
        CliHarness modq = new CliHarness(backend, dir);
        assertEquals(0, modq.run("import", fixture("comments.jsonl").toString()).code());
        long first = Long.parseLong(modq.one("SELECT max(id) + 1 FROM comments"));
        sql(modq, "INSERT INTO import_runs (id, started_at, heartbeat_at, state, first_comment_id, files)"
                        + " VALUES (99, 0, " + heartbeatMs + ", 'applying', " + first + ", 'killed.xml')",
                "INSERT INTO posts (id, title, source_system, source_id, import_run) VALUES (900, 'half', 'k', 'p', 99)",
                "INSERT INTO comments (id, post_id, body, created_at, source_system, source_id, import_run)"
                        + " VALUES (" + first + ", 900, 'undecided', 1, 'k', 'a', 99), (" + (first + 1)
                        + ", 900, 'decided meanwhile', 1, 'k', 'b', 99)");
        long decided = first + 1;
        assertEquals(0, modq.run("approve", String.valueOf(decided)).code());
        return modq;
    }

    @Test
    void theNextImportUndoesWhatNobodyDecidedAndKeepsWhatWasDecided() throws Exception {
        CliHarness modq = interruptedRun(0);
        CliRun r = modq.run("import", fixture("disqus.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("an earlier import was interrupted while it applied: its 1 new comment(s) that"
                + " nobody decided were removed first"), r.err());
        assertEquals("b", String.join(",", modq.rows("SELECT source_id FROM comments WHERE source_system = 'k' ORDER BY source_id")));
        assertEquals("undone", modq.one("SELECT state FROM import_runs WHERE id = 99"));
        assertEquals("1", modq.one("SELECT count(*) FROM posts WHERE id = 900"), "the post still has a comment");
        CliRun check = modq.run("check");
        assertEquals(0, check.code(), check.out() + check.err());
    }

    @Test
    void aDryRunTakesNoWriteLock() throws Exception {
        CliHarness modq = new CliHarness(backend, dir);
        try (Connection c = modq.database.connect(); Statement st = c.createStatement()) {
            holdTheWriteLock(c, st);
            CliRun r = modq.run("import", "--dry-run", fixture("wxr-1.2.xml").toString());
            assertEquals(0, r.code(), "another writer holds the lock: " + r.err());
            assertTrue(r.err().contains("comments 9 new"), r.err());
            if (backend == TestStores.SQLITE) {
                st.execute("ROLLBACK");
            } else {
                c.rollback();
            }
        }
        assertEquals("0", modq.one("SELECT count(*) FROM comments"));
    }

    /** What every modq writer takes first: SQLite's write lock, PostgreSQL's audit chain lock. */
    private void holdTheWriteLock(Connection c, Statement st) throws Exception {
        if (backend == TestStores.SQLITE) {
            st.execute("BEGIN IMMEDIATE");
        } else {
            c.setAutoCommit(false);
            st.execute("LOCK TABLE audit_chain_lock IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    @Test
    void aRunStillApplyingBlocksASecondImport() throws Exception {
        CliHarness modq = interruptedRun(System.currentTimeMillis());
        String before = modq.fingerprint();
        CliRun r = modq.run("import", fixture("disqus.xml").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("another import (run 99) is being applied to this database"), r.err());
        assertEquals(before, modq.fingerprint());
    }
}
