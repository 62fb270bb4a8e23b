package dev.modq.it;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL a child JVM in the middle of one big write, many times at seeded random points, then reopen: the database
 * opens, `modq check` passes (integrity, foreign keys, audit chain, audit vs comments, counts), `modq log --verify`
 * passes, and the operation is there completely or not at all. Each scenario runs on SQLite files and on
 * PostgreSQL databases ({@link PgCluster}: skipped outside CI without a server, failed in CI).
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

    private Backend backend;

    @AfterEach
    void dropDatabases() {
        if (backend != null) {
            backend.close();
        }
    }

    /** One big all-or-nothing write driven through the real jar; {@code db} is a file path or a server address. */
    interface Scenario {
        String name();

        /** Makes the database the operation starts from (may be nothing). */
        void prepare(String db) throws Exception;

        List<String> command(String db);

        /** Returns "none" or "all" for a consistent outcome, fails otherwise. */
        String outcome(String db);
    }

    /** Where the databases live: SQLite files in the temp dir, or databases on the test PostgreSQL server. */
    interface Backend extends AutoCloseable {
        /** Where a new database named {@code name} goes (a SQLite path; an empty PostgreSQL database). */
        String fresh(String name) throws Exception;

        /** A new database that starts as a copy of {@code template}. */
        String copy(String template, String name) throws Exception;

        /** Whether the database holds modq's tables (a SQLite file exists and is not empty). */
        boolean exists(String db);

        /** Whether the database is a SQLite file of zero bytes (killed between creating and writing it). */
        boolean emptyFile(String db);

        /** Whether some writer has begun writing: the first sign that the operation is inside its transaction. */
        boolean writeStarted(String db);

        /** Whether another process is inside a write transaction right now. */
        boolean writing(String db);

        long longValue(String db, String sql);

        void delete(String db) throws Exception;

        @Override
        void close();
    }

    private Backend backend(String name) {
        backend = name.equals("sqlite") ? new SqliteFiles() : new PgDatabases();
        return backend;
    }

    /** `modq demo --comments N`: posts and N comments in one transaction. */
    static final class DemoLoad implements Scenario {
        public String name() {
            return "demo load of " + COMMENTS + " comments";
        }

        private final Backend backend;

        DemoLoad(Backend backend) {
            this.backend = backend;
        }

        public void prepare(String db) {
        }

        public List<String> command(String db) {
            return List.of("demo", "--comments", String.valueOf(COMMENTS), "--no-open", "--db", db);
        }

        public String outcome(String db) {
            if (!backend.exists(db)) {
                return "none";
            }
            long comments = backend.longValue(db, "SELECT count(*) FROM comments");
            long demoMarked = backend.longValue(db, "SELECT count(*) FROM settings WHERE key = 'demo'");
            if (comments == 0) {
                return "none";
            }
            assertEquals(COMMENTS, comments, "all or none of the load");
            assertTrue(backend.longValue(db, "SELECT count(*) FROM posts") > 0);
            // the demo marker is written after the load commits, so it may be missing, never present without the load
            return demoMarked == 1 ? "all" : "all (killed before the demo marker)";
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void killingADemoLoadLeavesAllOrNothing(String backendName) throws Exception {
        Backend b = backend(backendName);
        runKills(new DemoLoad(b), b);
    }

    /** `modq reject --where status:pending`: every pending comment of a demo database in one batch. */
    static final class BulkReject implements Scenario {
        private final Backend backend;
        private String template;
        private long pending;

        BulkReject(Backend backend) {
            this.backend = backend;
        }

        public String name() {
            return "bulk reject of every pending comment of " + COMMENTS;
        }

        String copyFor(String name) throws Exception {
            if (template == null) {
                template = backend.fresh("template");
                CliRun made = CliRun.run("demo", "--comments", String.valueOf(COMMENTS), "--no-open", "--db", template);
                assertEquals(0, made.code(), made.toString());
                pending = backend.longValue(template, "SELECT count(*) FROM comments WHERE status = 'pending'");
            }
            return backend.copy(template, name);
        }

        public void prepare(String db) {
            throw new UnsupportedOperationException("a bulk reject starts from a copy: use copyFor(name)");
        }

        public List<String> command(String db) {
            return List.of("reject", "--where", "status:pending", "--reason", "spam", "--yes", "--db", db);
        }

        public String outcome(String db) {
            long audited = backend.longValue(db, "SELECT count(*) FROM audit_log");
            long stillPending = backend.longValue(db, "SELECT count(*) FROM comments WHERE status = 'pending'");
            if (audited == 0) {
                assertEquals(pending, stillPending, "no audit rows, so no comment may have changed");
                return "none";
            }
            assertEquals(pending, audited, "all or none of the batch");
            assertEquals(0, stillPending);
            assertEquals(1, backend.longValue(db, "SELECT count(*) FROM batches"));
            return "all";
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void killingABulkRejectLeavesAllOrNothing(String backendName) throws Exception {
        Backend b = backend(backendName);
        runKills(new BulkReject(b), b);
    }

    /** The database a kill run starts from: a copy of the scenario's template, or a fresh location. */
    private static String start(Scenario scenario, Backend backend, String name) throws Exception {
        if (scenario instanceof BulkReject bulk) {
            return bulk.copyFor(name);
        }
        String db = backend.fresh(name);
        scenario.prepare(db);
        return db;
    }

    private void runKills(Scenario scenario, Backend backend) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        // a reference run to completion gives the time window in which kills land
        String refDb = start(scenario, backend, "ref");
        long t0 = System.nanoTime();
        Process ref = ChildJvm.start(List.of(), List.of(), scenario.command(refDb), logs, "ref");
        long firstWrite = -1;
        while (ref.isAlive()) {
            if (firstWrite < 0 && backend.writeStarted(refDb)) {
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
            String db = start(scenario, backend, "kill" + i);
            // most kills land while pages are being written; some earlier, while the operation reads and prepares
            long delayNanos = lo + (long) (random.nextDouble() * Math.max(1, hi - lo));
            Process p = ChildJvm.start(List.of(), List.of(), scenario.command(db), logs, "kill" + i);
            boolean exited = p.waitFor(delayNanos, TimeUnit.NANOSECONDS);
            boolean writing = false;
            if (!exited) {
                writing = backend.writing(db); // a writer is inside its transaction
                p.destroyForcibly(); // SIGKILL on Linux
                p.waitFor();
            }
            String outcome;
            if (backend.emptyFile(db)) {
                // killed between creating the file and its first write: read commands must refuse it, never set it up
                CliRun check = CliRun.run("check", "--db", db);
                assertEquals(1, check.code(), check.toString());
                assertTrue(check.err().contains("is empty, not a modq database"), check.toString());
                assertTrue(backend.emptyFile(db), "check wrote nothing");
                outcome = "none (an empty file)";
            } else if (backend.exists(db)) {
                CliRun check = CliRun.run("check", "--db", db);
                assertEquals(0, check.code(), "after kill " + i + " at " + delayNanos / 1_000_000 + " ms: " + check);
                // the chain must verify wherever there is one (a database killed before its first admin was
                // recorded has no audit log to verify, and log --verify rightly refuses a non-moderator there)
                if (backend.longValue(db, "SELECT count(*) FROM audit_log") > 0) {
                    CliRun verify = CliRun.run("log", "--verify", "--db", db);
                    assertEquals(0, verify.code(), "after kill " + i + ": " + verify);
                }
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
            backend.delete(db);
        }
        System.out.println("CrashSafetyIT " + scenario.name() + " on " + backend + ": reference run " + total / 1_000_000 + " ms, first write at "
                + firstWrite / 1_000_000 + " ms, " + outcomes.size() + " kill points, seed " + SEED + ": "
                + outcomes.stream().filter(o -> o.endsWith(": none")).count() + " none, "
                + outcomes.stream().filter(o -> o.contains(": all")).count() + " all, "
                + inWrite + " inside the write transaction");
        assertTrue(inWrite >= MIN_KILLS_IN_WRITE, "only " + inWrite + " of " + outcomes.size() + " kills landed inside the"
                + " write transaction (need " + MIN_KILLS_IN_WRITE + "): the test proved nothing about all-or-nothing");
    }

    /** SQLite files in the test's temp dir. */
    final class SqliteFiles implements Backend {
        public String fresh(String name) {
            return dir.resolve(name + ".db").toString();
        }

        public String copy(String template, String name) throws Exception {
            String db = fresh(name);
            Files.copy(Path.of(template), Path.of(db));
            return db;
        }

        public boolean exists(String db) {
            return Files.exists(Path.of(db));
        }

        public boolean emptyFile(String db) {
            try {
                return Files.exists(Path.of(db)) && Files.size(Path.of(db)) == 0;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        /** SQLite creates an empty -wal at open; its first bytes mark the first page written. */
        public boolean writeStarted(String db) {
            return walBytes(Path.of(db)) > 0;
        }

        /**
         * Whether another process holds the database's write lock right now: BEGIN IMMEDIATE with no busy timeout
         * fails with SQLITE_BUSY exactly while a writer is inside its transaction (then let go at once).
         */
        public boolean writing(String db) {
            if (!Files.exists(Path.of(db))) {
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

        public long longValue(String db, String sql) {
            return TestDb.longValue(Path.of(db), sql);
        }

        public void delete(String db) throws Exception {
            for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }

        public void close() {
        }

        @Override
        public String toString() {
            return "SQLite";
        }
    }

    /** Databases on the test PostgreSQL server, each dropped after use. */
    static final class PgDatabases implements Backend {
        private final Map<String, PgDatabase> byAddress = new HashMap<>();

        PgDatabases() {
            PgCluster.server(); // skips outside CI when there is no server; fails in CI
        }

        public String fresh(String name) {
            return track(PgCluster.createDatabase());
        }

        public String copy(String template, String name) {
            return track(PgCluster.createDatabase(byAddress.get(template).name()));
        }

        private String track(PgDatabase db) {
            byAddress.put(db.address(), db);
            return db.address();
        }

        public boolean exists(String db) {
            return longValue(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'comments'") == 1;
        }

        public boolean emptyFile(String db) {
            return false;
        }

        public boolean writeStarted(String db) {
            return writing(db);
        }

        /** A session of another process holds a transaction id: it has written inside an open transaction. */
        public boolean writing(String db) {
            return longValue(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()") > 0;
        }

        public long longValue(String db, String sql) {
            try (Connection c = byAddress.get(db).connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        public void delete(String db) {
            PgDatabase d = byAddress.remove(db);
            if (d != null) {
                d.close();
            }
        }

        public void close() {
            byAddress.values().forEach(PgDatabase::close);
            byAddress.clear();
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }

    private static long walBytes(Path db) {
        try {
            return Files.size(Path.of(db + "-wal"));
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
