package dev.modq.it;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL a child JVM in the middle of one big write, many times at seeded random points, then reopen: the database
 * opens, `modq check` passes (integrity, foreign keys, audit chain, audit vs comments, counts) and the operation is
 * there completely or not at all.
 *
 * <p>Sizes are system properties so a long run can use the sizes:
 * {@code -Dmodq.crash.comments=200000 -Dmodq.crash.kills=20}. Defaults keep this under a minute on 2 shared cores.
 */
class CrashSafetyIT {

    static final int COMMENTS = Integer.getInteger("modq.crash.comments", 20_000);
    static final int KILLS = Integer.getInteger("modq.crash.kills", 12);
    static final long SEED = Long.getLong("modq.crash.seed", 20260601L);
    /** At least this many kills must land inside the write transaction, or the run proved nothing. */
    static final int MIN_KILLS_IN_WRITE = Integer.getInteger("modq.crash.minInWrite", 4);

    @TempDir
    Path dir;

    /** One big all-or-nothing write driven through the real jar. */
    interface Scenario {
        String name();

        /** Makes the database the operation starts from (may be nothing). */
        void prepare(Path db) throws Exception;

        List<String> command(Path db);

        /** Returns "none" or "all" for a consistent outcome, fails otherwise. */
        String outcome(Path db);
    }

    /** `modq demo --comments N`: posts and N comments in one transaction. */
    static final class DemoLoad implements Scenario {
        public String name() {
            return "demo load of " + COMMENTS + " comments";
        }

        public void prepare(Path db) {
        }

        public List<String> command(Path db) {
            return List.of("demo", "--comments", String.valueOf(COMMENTS), "--no-open", "--db", db.toString());
        }

        public String outcome(Path db) {
            if (!Files.exists(db)) {
                return "none";
            }
            long comments = TestDb.longValue(db, "SELECT count(*) FROM comments");
            long demoMarked = TestDb.longValue(db, "SELECT count(*) FROM settings WHERE key = 'demo'");
            if (comments == 0) {
                return "none";
            }
            assertEquals(COMMENTS, comments, "all or none of the load");
            assertTrue(TestDb.longValue(db, "SELECT count(*) FROM posts") > 0);
            // the demo marker is written after the load commits, so it may be missing, never present without the load
            return demoMarked == 1 ? "all" : "all (killed before the demo marker)";
        }
    }

    @Test
    void killingADemoLoadLeavesAllOrNothing() throws Exception {
        runKills(new DemoLoad());
    }

    /** `modq reject --where status:pending`: every pending comment of a demo database in one batch. */
    final class BulkReject implements Scenario {
        private Path template;
        private long pending;

        public String name() {
            return "bulk reject of every pending comment of " + COMMENTS;
        }

        public void prepare(Path db) throws Exception {
            if (template == null) {
                template = dir.resolve("template.db");
                CliRun made = CliRun.run("demo", "--comments", String.valueOf(COMMENTS), "--no-open", "--db",
                        template.toString());
                assertEquals(0, made.code(), made.toString());
                pending = TestDb.longValue(template, "SELECT count(*) FROM comments WHERE status = 'pending'");
            }
            Files.copy(template, db);
        }

        public List<String> command(Path db) {
            return List.of("reject", "--where", "status:pending", "--reason", "spam", "--yes", "--db", db.toString());
        }

        public String outcome(Path db) {
            long audited = TestDb.longValue(db, "SELECT count(*) FROM audit_log");
            long stillPending = TestDb.longValue(db, "SELECT count(*) FROM comments WHERE status = 'pending'");
            if (audited == 0) {
                assertEquals(pending, stillPending, "no audit rows, so no comment may have changed");
                return "none";
            }
            assertEquals(pending, audited, "all or none of the batch");
            assertEquals(0, stillPending);
            assertEquals(1, TestDb.longValue(db, "SELECT count(*) FROM batches"));
            return "all";
        }
    }

    @Test
    void killingABulkRejectLeavesAllOrNothing() throws Exception {
        runKills(new BulkReject());
    }

    private void runKills(Scenario scenario) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        // a reference run to completion gives the time window in which kills land
        Path refDb = dir.resolve("ref.db");
        scenario.prepare(refDb);
        long t0 = System.nanoTime();
        Process ref = ChildJvm.start(List.of(), List.of(), scenario.command(refDb), logs, "ref");
        long firstWrite = -1;
        while (ref.isAlive()) {
            // SQLite creates an empty -wal at open; its first bytes mark the first page written
            if (firstWrite < 0 && walBytes(refDb) > 0) {
                firstWrite = System.nanoTime() - t0;
            }
            Thread.sleep(5);
        }
        long total = System.nanoTime() - t0;
        assertEquals(0, ref.exitValue(), ChildJvm.read(logs, "ref", "err"));
        assertEquals("all", scenario.outcome(refDb));
        if (firstWrite < 0) {
            firstWrite = total / 3;
        }

        Random random = new Random(SEED);
        List<String> outcomes = new ArrayList<>();
        int inWrite = 0;
        // The window kills are drawn from narrows as kills report where they landed: on a loaded machine a child
        // may run much faster or slower than the reference run, and most kills would miss the write.
        long lo = (long) (firstWrite * 0.7);
        long hi = (long) (total * 1.05);
        // Kill until enough kills have provably interrupted the write transaction (or give up and fail): a kill
        // that lands before the write starts or after it commits proves nothing about all-or-nothing.
        for (int i = 0; i < KILLS || (inWrite < MIN_KILLS_IN_WRITE && i < KILLS * 3); i++) {
            Path db = dir.resolve("kill" + i + ".db");
            scenario.prepare(db);
            // most kills land while pages are being written; some earlier, while the operation reads and prepares
            long delayNanos = lo + (long) (random.nextDouble() * Math.max(1, hi - lo));
            Process p = ChildJvm.start(List.of(), List.of(), scenario.command(db), logs, "kill" + i);
            boolean exited = p.waitFor(delayNanos, TimeUnit.NANOSECONDS);
            boolean writing = false;
            if (!exited) {
                writing = writeTransactionOpen(db); // a writer holds the lock: the child is inside its transaction
                p.destroyForcibly(); // SIGKILL on Linux
                p.waitFor();
            }
            String outcome;
            if (Files.exists(db) && Files.size(db) == 0) {
                // killed between creating the file and its first write: read commands must refuse it, never set it up
                CliRun check = CliRun.run("check", "--db", db.toString());
                assertEquals(1, check.code(), check.toString());
                assertTrue(check.err().contains("is empty, not a modq database"), check.toString());
                assertEquals(0, Files.size(db), "check wrote nothing");
                outcome = "none (an empty file)";
            } else if (Files.exists(db)) {
                CliRun check = CliRun.run("check", "--db", db.toString());
                assertEquals(0, check.code(), "after kill " + i + " at " + delayNanos / 1_000_000 + " ms: " + check);
                outcome = scenario.outcome(db);
            } else {
                outcome = "none";
            }
            // inside the write: the lock was held when the kill was sent, and nothing of the operation survived
            boolean killedInWrite = writing && outcome.equals("none");
            inWrite += killedInWrite ? 1 : 0;
            if (exited || outcome.startsWith("all")) {
                hi = Math.max(lo + 1, delayNanos); // it had committed by then: aim earlier
            } else if (!writing) {
                lo = Math.min(hi - 1, delayNanos); // it had not begun writing: aim later
            }
            String line = "kill " + i + " at " + delayNanos / 1_000_000 + " ms" + (exited ? " (had already finished)" : "")
                    + (killedInWrite ? " inside the write transaction" : "") + ": " + outcome;
            outcomes.add(line);
            System.out.println("CrashSafetyIT " + scenario.name() + ": " + line);
            deleteDb(db);
        }
        System.out.println("CrashSafetyIT " + scenario.name() + ": reference run " + total / 1_000_000 + " ms, first write at "
                + firstWrite / 1_000_000 + " ms, " + outcomes.size() + " kill points, seed " + SEED + ": "
                + outcomes.stream().filter(o -> o.endsWith(": none")).count() + " none, "
                + outcomes.stream().filter(o -> o.contains(": all")).count() + " all, "
                + inWrite + " inside the write transaction");
        assertTrue(inWrite >= MIN_KILLS_IN_WRITE, "only " + inWrite + " of " + outcomes.size() + " kills landed inside the"
                + " write transaction (need " + MIN_KILLS_IN_WRITE + "): the test proved nothing about all-or-nothing");
    }

    /**
     * Whether another process holds the database's write lock right now: BEGIN IMMEDIATE with no busy timeout
     * fails with SQLITE_BUSY exactly while a writer is inside its transaction (then let go at once).
     */
    private static boolean writeTransactionOpen(Path db) {
        if (!Files.exists(db)) {
            return false;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
                return false;
            } catch (SQLException e) {
                return String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static long walBytes(Path db) {
        try {
            return Files.size(Path.of(db + "-wal"));
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void deleteDb(Path db) throws Exception {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }
}
