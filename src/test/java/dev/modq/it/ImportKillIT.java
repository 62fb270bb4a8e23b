package dev.modq.it;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL `modq import` (a child JVM) while it applies its run in short transactions, at seeded random points, on
 * both backends: the database stays consistent (`modq check`), and the next import first removes what the killed
 * run wrote that nobody decided, then leaves exactly what an uninterrupted import leaves. A kill only counts when the
 * run was provably mid-apply (its import_runs row still 'applying' after the kill).
 * {@code -Dmodq.importKill.comments=N -Dmodq.importKill.kills=K} for a longer run.
 */
class ImportKillIT {

    static final int COMMENTS = Integer.getInteger("modq.importKill.comments", 20_000);
    static final int KILLS = Integer.getInteger("modq.importKill.kills", 4);
    static final int MIN_KILLS_MID_APPLY = Integer.getInteger("modq.importKill.minMidApply", 3);
    static final long SEED = Long.getLong("modq.importKill.seed", 20261201L);
    /** Comments the database holds before the import (one of them decided), so the run applies in chunks. */
    static final int BEFORE = 500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("dev.modq.testing.TestStores#backends")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void anImportKilledWhileItAppliesIsUndoneByTheNextWhichThenLeavesWhatAWholeRunLeaves(TestStores.Backend backend)
            throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path big = jsonl(dir.resolve("big.jsonl"), "site", COMMENTS);
        Path small = jsonl(dir.resolve("small.jsonl"), "other", BEFORE);
        Path none = Files.writeString(dir.resolve("none.jsonl"), "");

        String expected;
        try (TestDatabase ref = prepared(backend, "ref", small)) {
            ok(ref, "import", big.toString());
            expected = signature(ref);
        }
        // kill within the apply as long as it takes here: a fixed delay lands after it on an idle machine and
        // inside it under load
        long applyMs = applyMillis(backend, big, small, logs);
        Random random = new Random(SEED);
        List<String> outcomes = new ArrayList<>();
        int midApply = 0;
        for (int i = 0; i < KILLS || (midApply < MIN_KILLS_MID_APPLY && i < KILLS * 3); i++) {
            try (TestDatabase db = prepared(backend, "kill" + i, small)) {
                Process p = ChildJvm.start(List.of(), List.of(), List.of("--db", db.address(), "import", big.toString()),
                        logs, "kill" + i);
                boolean applying = waitUntilApplying(db, p);
                Thread.sleep(random.nextInt((int) Math.max(1, applyMs / 3)));
                p.destroyForcibly();  // SIGKILL on Linux
                p.waitFor();
                boolean leftApplying = one(db, "SELECT count(*) FROM import_runs WHERE state = 'applying'") == 1;
                long written = one(db, "SELECT count(*) FROM comments WHERE import_run IN"
                        + " (SELECT id FROM import_runs WHERE state = 'applying')");
                midApply += leftApplying ? 1 : 0;
                ok(db, "check");
                // the next import would wait STALE_MS for a live run's heartbeat; the killed one's is made old
                sql(db, "UPDATE import_runs SET heartbeat_at = 0 WHERE state = 'applying'");
                CliRun undo = ok(db, "import", "--format", "jsonl", none.toString());
                if (leftApplying) {
                    assertEquals(written > 0, undo.err().contains("an earlier import was interrupted while it applied: its "
                            + written + " new comment(s)"), written + " written: " + undo.err());
                    assertEquals(0, one(db, "SELECT count(*) FROM import_runs WHERE state = 'applying'"));
                    assertEquals(BEFORE, one(db, "SELECT count(*) FROM comments"),
                            "after the undo only the comments from before the killed import remain");
                    assertEquals(1, one(db, "SELECT count(*) FROM audit_log"), "the decision from before is kept");
                }
                ok(db, "check");
                ok(db, "import", big.toString());
                assertEquals(expected, signature(db), "kill " + i);
                ok(db, "check");
                ok(db, "log", "--verify");
                String line = "kill " + i + (applying ? "" : " (the run had finished)")
                        + (leftApplying ? ": mid-apply, " + written + " new comments undone" : ": not mid-apply");
                outcomes.add(line);
                System.out.println("ImportKillIT on " + backend + ": " + line);
            }
        }
        System.out.println("ImportKillIT on " + backend + ": apply took " + applyMs + " ms uninterrupted; "
                + outcomes.size() + " kills, " + midApply
                + " mid-apply, seed " + SEED + ", " + COMMENTS + " comments");
        assertTrue(midApply >= MIN_KILLS_MID_APPLY, "only " + midApply + " of " + outcomes.size()
                + " kills landed while the run applied: the test proved nothing");
    }

    /** A fresh database with BEFORE comments imported and one of them approved (a decision the undo must keep). */
    private TestDatabase prepared(TestStores.Backend backend, String name, Path small) {
        TestDatabase db = backend.fresh(dir, name);
        ok(db, "init");
        ok(db, "import", small.toString());
        ok(db, "approve", String.valueOf(one(db, "SELECT min(id) FROM comments")));
        return db;
    }

    /** How long a child's run applies, from the moment it is recorded as applying until the process ends. */
    private long applyMillis(TestStores.Backend backend, Path big, Path small, Path logs) throws Exception {
        try (TestDatabase db = prepared(backend, "timing", small)) {
            Process p = ChildJvm.start(List.of(), List.of(), List.of("--db", db.address(), "import", big.toString()),
                    logs, "timing");
            assertTrue(waitUntilApplying(db, p), "the timing run finished before it was seen applying");
            long start = System.nanoTime();
            assertEquals(0, p.waitFor(), ChildJvm.read(logs, "timing", "err"));
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }

    /** Waits until the child's run is recorded as applying; false when it finished first. */
    private static boolean waitUntilApplying(TestDatabase db, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (one(db, "SELECT count(*) FROM import_runs WHERE state = 'applying'") == 1) {
                return true;
            }
            if (!p.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the import never started applying");
    }

    /** What an import leaves, compared as counts over the whole database (portable SQL). */
    private static String signature(TestDatabase db) {
        return String.join("/", db.rows("SELECT count(*), count(parent_id), count(DISTINCT post_id),"
                + " sum(length(body)), sum(created_at) FROM comments"))
                + "/" + db.rows("SELECT count(*) FROM comment_meta")
                + "/" + db.rows("SELECT count(*) FROM posts")
                + "/" + db.rows("SELECT status, n FROM status_counts ORDER BY status")
                + "/" + db.rows("SELECT count(*) FROM audit_log");
    }

    /**
     * {@code n} comments over n/50 posts: a third are replies (half to a later comment), some approved or rejected,
     * every tenth with metadata.
     */
    private static Path jsonl(Path file, String source, int n) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                int post = 1 + i / 50;
                StringBuilder line = new StringBuilder("{\"source\":\"").append(source).append("\",\"post_id\":\"p")
                        .append(post).append("\",\"post_title\":\"Post ").append(post).append("\",\"comment_id\":\"c")
                        .append(i).append('"');
                if (i % 3 == 0) {
                    int parent = i % 2 == 0 ? i - 1 : Math.min(n, i + 1);
                    line.append(",\"parent_id\":\"c").append(parent).append('"');
                }
                line.append(",\"author_name\":\"author ").append(i % 97).append("\",\"body\":\"comment number ")
                        .append(i).append(" on post ").append(post).append("\",\"created_at\":\"2024-03-01T")
                        .append(String.format("%02d:%02d:%02dZ", (i / 3600) % 24, (i / 60) % 60, i % 60)).append('"');
                line.append(i % 7 == 0 ? ",\"status\":\"approved\"" : i % 11 == 0 ? ",\"status\":\"rejected\"" : "");
                if (i % 10 == 0) {
                    line.append(",\"meta\":{\"client\":\"app ").append(i).append("\"}");
                }
                out.write(line.append("}\n").toString());
            }
        }
        return file;
    }

    private static CliRun ok(TestDatabase db, String... args) {
        CliRun r = CliRun.onDb(db.address(), new java.io.ByteArrayInputStream(new byte[0]), null, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static long one(TestDatabase db, String sql) {
        return Long.parseLong(db.rows(sql).get(0));
    }

    private static void sql(TestDatabase db, String statement) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
