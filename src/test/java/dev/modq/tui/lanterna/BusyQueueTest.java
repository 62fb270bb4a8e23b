package dev.modq.tui.lanterna;

import dev.modq.core.Decision;
import dev.modq.core.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another process holds the write lock (an import, a blog backend in BEGIN IMMEDIATE). The text UI's key loop never
 * waits for it: keys typed meanwhile are applied at once (the cursor moves on, the rows show the decisions on their
 * way), the screen says it is waiting for the database, and once the lock is gone every decision lands, in the order
 * typed, each with the version the moderator saw: a comment the other writer changed meanwhile is a conflict.
 */
class BusyQueueTest {

    @TempDir
    Path dir;

    @Test
    void aHeldWriteLockNeitherFreezesTheKeysNorLosesThem() throws Exception {
        TuiFixture f = new TuiFixture(dir).withPending(10);
        f.writerBusyTimeoutMs = 100; // the write queue meets several busy timeouts and tries again each time
        try (TuiFixture t = f.open(80, 24);
             Connection blog = t.db.connect(); Statement st = blog.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE comments SET status = 'flagged', version = version + 1 WHERE id = 2");

            long t0 = System.nanoTime();
            t.typeAhead("a");
            System.out.println("BusyQueueTest: 'a' with the write lock held by another connection: key to frame "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // the write cannot have happened (the lock is held), yet the key was taken and the cursor moved on
            assertEquals(2, t.selectedId());
            assertEquals(1, t.app.state().writes().queued());
            assertEquals(Status.PENDING, t.status(1));
            assertTrue(t.row(2).startsWith(" ~A"), "#1 shows its approval on its way: " + t.row(2));

            t.advance(QueueApp.WAIT_NOTICE);
            assertTrue(t.messageLine().startsWith("Waiting for the database\u2026 "), t.messageLine());
            assertTrue(t.writes.awaitBusy(TuiFixture.SETTLE), "the write never met the lock");
            t.advance(Duration.ofSeconds(1));
            assertTrue(t.messageLine().startsWith("Waiting for the database\u2026 (held by another writer) 1s"),
                    t.messageLine());

            // more keys while waiting: two decisions queue behind the first, movement still answers
            t.typeAhead("a", "r", "s", "j", "k");
            assertEquals(4, t.selectedId());
            assertEquals(3, t.app.state().writes().queued());
            assertEquals(Map.of(1L, Decision.APPROVE, 2L, Decision.APPROVE, 3L, Decision.REJECT),
                    t.app.state().writes().inFlight());
            t.advance(Duration.ofSeconds(2));
            assertTrue(t.messageLine().contains("3 queued, keys still work"), t.messageLine());
            assertEquals(0, t.db.longValue("SELECT count(*) FROM audit_log"));

            st.execute("COMMIT"); // the other writer is done; it flagged #2 meanwhile
            t.settle();
            assertEquals(Status.APPROVED, t.status(1));
            assertEquals(Status.FLAGGED, t.status(2), "#2 changed after it was seen: a conflict, not an approval");
            assertEquals(Status.REJECTED, t.status(3));
            assertEquals("spam", t.reason(3));
            assertEquals("1,3", t.db.stringValue("SELECT group_concat(comment_id) FROM"
                    + " (SELECT comment_id FROM audit_log ORDER BY id)"), "in the order typed");
            assertEquals(0, t.app.state().writes().queued());
            // the message wraps upward over the rows above the footer when longer than the screen is wide
            String shown = t.app.state().message().text();
            assertTrue(shown.startsWith("#2 was changed by another writer (now flagged): not applied; then"),
                    "the conflict stays in sight after the later answers: " + shown);
            assertTrue(t.messageLine().endsWith("u to undo"), t.messageLine());
            assertEquals(4, t.selectedId(), "the answers did not move the cursor");
        }
    }
}
