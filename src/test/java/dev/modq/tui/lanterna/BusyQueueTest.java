package dev.modq.tui.lanterna;

import dev.modq.core.Status;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another process holds the write lock longer than the busy timeout: the text UI waits that long, then says so in its
 * message line, changes nothing, keeps running, and the same key works once the lock is gone.
 */
class BusyQueueTest {

    @TempDir
    Path dir;

    @Test
    void aDecisionRefusedAsBusyIsToldAndTheQueueGoesOn() throws Exception {
        TuiFixture f;
        System.setProperty(SqliteStore.BUSY_TIMEOUT_PROPERTY, "100");
        try {
            f = new TuiFixture(dir).withPending(5);
        } finally {
            System.clearProperty(SqliteStore.BUSY_TIMEOUT_PROPERTY);
        }
        try (TuiFixture t = f.open(80, 24)) {
            try (Connection blog = TestDb.connect(t.db); Statement st = blog.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.executeUpdate("UPDATE comments SET body = body || ' (edited)' WHERE id = 5");
                t.press("a");
                assertEquals("Not applied: database locked by another writer (waited 100 ms) — try again", t.messageLine());
                assertEquals(1, t.selectedId(), "the cursor stays on the comment that was not decided");
                st.execute("ROLLBACK");
            }
            assertEquals(Status.PENDING, t.status(1));
            assertEquals(0, TestDb.longValue(t.db, "SELECT count(*) FROM audit_log"));
            t.press("a");
            assertEquals(Status.APPROVED, t.status(1));
            assertEquals("Approved #1 — u to undo", t.messageLine());
        }
    }
}
