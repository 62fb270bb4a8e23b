package dev.modq.cli;

import dev.modq.core.Decision;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.service.AccessDeniedException;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.PageRequest;
import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;
import dev.modq.core.Role;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk full, a database locked too long, a corrupted file, a read-only database: one clear line, a non-zero exit,
 * nothing half-written. Read-only by real file permissions needs a non-root user: see ReadOnlyAccessIT.
 */
class FaultsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(SqliteStore.TEST_MAX_PAGE_COUNT);
        System.clearProperty(SqliteStore.BUSY_TIMEOUT_PROPERTY);
    }

    private Path seeded(int comments) {
        Path db = dir.resolve("q.db");
        TestDb.create(db).close();
        TestDb.seed(db, comments);
        return db;
    }

    private static void assertOneLine(CliRun r) {
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("modq: "), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void diskFullDuringABulkLoadLeavesNothingHalfWritten() {
        Path db = dir.resolve("demo.db");
        System.setProperty(SqliteStore.TEST_MAX_PAGE_COUNT, "1"); // clamps to the size right after the schema
        CliRun r = CliRun.run("demo", "--comments", "5000", "--no-open", "--db", db.toString());
        System.clearProperty(SqliteStore.TEST_MAX_PAGE_COUNT);
        assertEquals(ExitCode.FAILURE, r.code(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("modq: disk full while creating demo data in " + db + ": nothing was written"), r.err());
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM comments"));
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM posts"));
        assertEquals(0, CliRun.run("check", "--db", db.toString()).code());
    }

    @Test
    void diskFullDuringABulkDecisionLeavesEveryCommentAsItWas() {
        Path db = seeded(3000);
        System.setProperty(SqliteStore.TEST_MAX_PAGE_COUNT, "1");
        try (SqliteStore store = SqliteStore.open(db, dev.modq.store.OpenMode.EXISTING)) {
            ModerationService alice = new ModerationService(store, Actors.resolve(store, "alice", null), Clock.systemUTC());
            StoreException e = assertThrows(StoreException.class, () -> alice.decide(Decision.REJECT,
                    LongStream.rangeClosed(1, 3000).mapToObj(Target::any).toList(), DecideOptions.withReason("spam")));
            assertTrue(e.getMessage().startsWith("disk full while writing in " + db + ": nothing was written"), e.getMessage());
            assertEquals(3000L, store.countsByStatus().get(Status.PENDING));
        }
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM audit_log"));
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM batches"));
        assertEquals(0, CliRun.run("check", "--db", db.toString()).code());
    }

    @Test
    void aDatabaseLockedLongerThanTheBusyTimeoutGivesOneLineAndChangesNothing() throws Exception {
        Path db = seeded(10);
        System.setProperty(SqliteStore.BUSY_TIMEOUT_PROPERTY, "150");
        try (Connection other = TestDb.connect(db); Statement st = other.createStatement()) {
            st.executeUpdate("BEGIN IMMEDIATE");
            CliRun r = CliRun.run("moderator", "add", "carol", "--db", db.toString());
            assertEquals(ExitCode.FAILURE, r.code(), r.toString());
            assertOneLine(r);
            assertTrue(r.err().contains("is locked by another writer (waited 150 ms while adding moderator carol)"), r.err());

            // readers are not blocked: check and backup still work while the lock is held
            assertEquals(0, CliRun.run("check", "--db", db.toString()).code());
            assertEquals(0, CliRun.run("backup", dir.resolve("b.db").toString(), "--db", db.toString()).code());
            st.executeUpdate("ROLLBACK");
        }
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM moderators WHERE name = 'carol'"));
    }

    @Test
    void aBadBusyTimeoutSettingIsOneLine() {
        Path db = seeded(1);
        System.setProperty(SqliteStore.BUSY_TIMEOUT_PROPERTY, "soon");
        CliRun r = CliRun.run("moderator", "list", "--db", db.toString());
        assertEquals(ExitCode.FAILURE, r.code());
        assertEquals("modq: -Dmodq.busyTimeoutMs must be a number of milliseconds, not 'soon'", r.err().strip());
    }

    @Test
    void aCorruptedFileGivesOneLineNamingTheWayOut() throws Exception {
        Path db = seeded(10);
        CheckCommandTest.growAndCorrupt(db);
        // demo refuses to replace a non-demo file; reading every comment meets the damaged pages
        CliRun r = CliRun.run("backup", dir.resolve("b.db").toString(), "--db", db.toString());
        assertEquals(ExitCode.FAILURE, r.code());
        assertOneLine(r);
        assertTrue(r.err().contains("is corrupted or not a database") && r.err().contains("run `modq check`"), r.err());
    }

    @Test
    void aModeratorWithoutWriteAccessCanBrowseAndIsToldWhyDecisionsAreRefused() {
        Path db = seeded(20);
        // As root (CI), file permissions do not stop writes, so this opens read-only the way SqliteStore does for a
        // user without write permission (SQLite's read-only open); ReadOnlyAccessIT does it with real permissions.
        try (SqliteStore store = SqliteStore.openReadOnly(db)) {
            assertFalse(store.writable());
            assertEquals(20, store.page(PageRequest.first(Query.EMPTY, 50)).size(), "browsing works");
            ModerationService alice = new ModerationService(store, Actors.resolve(store, "alice", null), Clock.systemUTC());
            AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                    () -> alice.decide(Decision.APPROVE, java.util.List.of(Target.any(1)), DecideOptions.DEFAULT));
            assertTrue(refused.getMessage().contains("is read-only for alice, so decisions are refused: you can browse"),
                    refused.getMessage());
            StoreReadOnlyException roster = assertThrows(StoreReadOnlyException.class,
                    () -> store.putModerator("carol", Role.MODERATOR));
            assertTrue(roster.getMessage().contains("read-only for you"), roster.getMessage());
        }
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM audit_log"));
    }
}
