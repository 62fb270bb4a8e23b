package dev.modq.cli;

import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupAndGroupCommandTest {

    @TempDir
    Path dir;

    private Path decidedDatabase() {
        Path db = dir.resolve("q.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 300);
            new ModerationService(store, Actors.resolve(store, "bob", null), Clock.systemUTC())
                    .decide(Decision.REJECT, LongStream.rangeClosed(1, 30).mapToObj(Target::any).toList(),
                            DecideOptions.withReason("spam"));
        }
        return db;
    }

    @Test
    void backupWritesAVerifiedOwnerOnlyCopyWhileAnotherWriterHoldsTheLock() throws Exception {
        Path db = decidedDatabase();
        Path copy = dir.resolve("copy.db");
        try (Connection writer = TestDb.connect(db); Statement st = writer.createStatement()) {
            st.executeUpdate("PRAGMA journal_mode = WAL");
            st.executeUpdate("BEGIN IMMEDIATE");
            st.executeUpdate("INSERT INTO comments (id, post_id, body, created_at) VALUES (5000, 1, 'uncommitted', 1)");
            CliRun r = CliRun.run("backup", copy.toString(), "--db", db.toString());
            assertEquals(0, r.code(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("modq: backed up to " + copy + " ("), r.err());
            assertTrue(r.err().contains("300 comments (270 pending, 0 approved, 30 rejected, 0 flagged), 30 audit entries;"
                    + " copy verified"), r.err());
            st.executeUpdate("COMMIT");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertFalse(Files.exists(Path.of(copy + "-wal")) || Files.exists(Path.of(copy + "-shm")),
                "verifying the copy leaves nothing beside it");
        assertEquals(300, TestDb.longValue(copy, "SELECT count(*) FROM comments"), "the snapshot, not the open transaction");
        assertEquals(301, TestDb.longValue(db, "SELECT count(*) FROM comments"));
        assertEquals(0, CliRun.run("check", "--db", copy.toString()).code());
    }

    @Test
    void backupNeverOverwritesAFile() throws Exception {
        Path db = decidedDatabase();
        Path existing = dir.resolve("precious.txt");
        Files.writeString(existing, "keep me");
        CliRun r = CliRun.run("backup", existing.toString(), "--db", db.toString());
        assertEquals(ExitCode.FAILURE, r.code());
        assertEquals("modq: " + existing + " already exists: backup never overwrites a file; choose a new name", r.err().strip());
        assertArrayEquals("keep me".getBytes(), Files.readAllBytes(existing));
        assertEquals(ExitCode.USAGE, CliRun.run("backup", db.toString(), "--db", db.toString()).code());
    }

    @Test
    void backupOfACorruptedDatabaseFailsInOneLineAndLeavesNoFile() throws Exception {
        Path db = decidedDatabase();
        CheckCommandTest.growAndCorrupt(db);
        Path copy = dir.resolve("copy.db");
        CliRun r = CliRun.run("backup", copy.toString(), "--db", db.toString());
        assertEquals(ExitCode.FAILURE, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("corrupted"), r.err());
        assertFalse(Files.exists(copy), "no half-written backup");
    }

    @Test
    void initGroupSharesTheFileWithTheGroupAndSaysHowToShareTheDirectory() throws Exception {
        Path db = dir.resolve("team.db");
        CliRun r = CliRun.run("init", "--db", db.toString(), "--group", "daemon");
        assertEquals(0, r.code(), r.toString());
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals(1, (int) (Integer) Files.getAttribute(db, "unix:gid"), "group daemon is gid 1");
        assertTrue(r.err().contains("is now shared with group daemon (mode 0660)"), r.err());
        assertTrue(r.err().contains("  sudo chgrp daemon " + dir.toAbsolutePath() + " && sudo chmod g+rwxs "
                + dir.toAbsolutePath()), r.err());

        // once the directory is shared as told, init says so instead of printing the commands
        Files.setAttribute(dir, "unix:gid", 1);
        Files.setAttribute(dir, "unix:mode", 02770);
        CliRun again = CliRun.run("init", "--db", db.toString(), "--group", "daemon");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.err().contains("is group-writable with setgid: ready for the team"), again.err());
        assertFalse(again.err().contains("sudo chmod"), again.err());
    }

    @Test
    void anUnknownGroupIsAUsageErrorAndCreatesNothing() {
        Path db = dir.resolve("team.db");
        CliRun r = CliRun.run("init", "--db", db.toString(), "--group", "no-such-group-xyz");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modq: unknown group 'no-such-group-xyz'"), r.err());
        assertFalse(Files.exists(db));
    }
}
