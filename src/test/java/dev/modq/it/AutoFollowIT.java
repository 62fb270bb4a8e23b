package dev.modq.it;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modq auto --follow} as the service runs it (issue 12): a comment a blog inserts is decided by the rules
 * soon after; a rule added meanwhile applies to the whole queue, older comments too; SIGTERM (what systemd sends)
 * stops it with exit 0, and every run is a batch by {@code auto} that the audit chain keeps.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class AutoFollowIT {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void decidesNewCommentsAsTheyArriveAppliesNewRulesToTheWholeQueueAndStopsCleanlyOnSigterm() throws Exception {
        TestDatabase db = backend.fresh(dir, "follow.db");
        db.create().close();
        db.seed(3); // comments 1..3 by author1..author3, pending
        ok(cli(db, "rules", "add", "casino", "--when", "text:casino", "--then", "reject spam"));

        Process p = ChildJvm.start(List.of(), List.of(),
                List.of("auto", "--follow", "--poll-ms", "100", "--format", "jsonl", "--db", db.address()), dir, "follow");
        try {
            await(() -> err().contains("auto --follow: watching"), () -> "the watch to start: " + err());
            assertEquals("pending", status(db, 1), "no rule matches the seeded comments");

            // what a blog backend does: a plain INSERT, nothing of modq's
            db.sql("INSERT INTO comments (id, post_id, author_name, body, created_at) VALUES (10, 1, 'x',"
                    + " 'best casino bonus', ?)", TestDatabase.T0 + 10);
            await(() -> "rejected".equals(status(db, 10)), () -> "the new comment to be rejected by the casino rule: " + err());
            assertEquals("spam", db.stringValue("SELECT reason FROM comments WHERE id = 10"));

            ok(cli(db, "rules", "add", "two", "--when", "author:author2", "--then", "flag"));
            await(() -> "flagged".equals(status(db, 2)), () -> "a new rule to reach a comment from before it: " + err());
            assertEquals("pending", status(db, 1));
            assertEquals("pending", status(db, 3));
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops within a minute of SIGTERM");
        assertEquals(0, p.exitValue(), "SIGTERM is a clean stop (systemd reads 143 as a failure): " + err());
        assertTrue(err().contains("modq: auto --follow: stopped"), err());

        String out = ChildJvm.read(dir, "follow", "out");
        assertTrue(out.contains("{\"id\":10,\"from\":\"pending\",\"to\":\"rejected\",\"held\":false,\"by\":\"rule casino\""), out);
        assertTrue(out.contains("{\"id\":2,\"from\":\"pending\",\"to\":\"flagged\",\"held\":false,\"by\":\"rule two\""), out);
        assertEquals("10|reject|rule casino|auto;2|flag|rule two|auto",
                String.join(";", db.rows("SELECT comment_id, action, note, moderator FROM audit_log"
                        + " WHERE moderator = 'auto' ORDER BY id")));
        assertEquals(2, db.longValue("SELECT count(*) FROM batches WHERE moderator = 'auto'"), "one batch per run that did something");
        ok(cli(db, "log", "--verify"));
    }

    private String err() {
        return ChildJvm.read(dir, "follow", "err");
    }

    private static String status(TestDatabase db, long id) {
        List<String> rows = db.rows("SELECT status FROM comments WHERE id = " + id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static CliRun cli(TestDatabase db, String... args) {
        return CliRun.onDb(db.address(), new ByteArrayInputStream(new byte[0]), null, args);
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 60 s waiting for " + what.get());
            }
            Thread.sleep(100);
        }
    }
}
