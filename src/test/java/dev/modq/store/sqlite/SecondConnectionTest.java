package dev.modq.store.sqlite;

import dev.modq.core.Role;
import dev.modq.store.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The text UI holds two connections to one file (reads on the key loop, writes off it). Another process that opens
 * and closes the database meanwhile (here the sqlite3 shell) must still see it in use: if this process had dropped
 * its POSIX locks (a Java stream opened and closed on the file does that), the other process would checkpoint and
 * delete the WAL on close, and writes committed afterwards would be lost.
 */
class SecondConnectionTest {

    @TempDir
    Path dir;

    @Test
    void anotherProcessClosingTheDatabaseLeavesOurWalAlone() throws Exception {
        assumeTrue(sqlite3Works(), "the sqlite3 shell is needed");
        Path db = dir.resolve("two.db");
        try (SqliteStore first = SqliteStore.open(db, OpenMode.CREATE); SqliteStore second = first.openAnother()) {
            first.putModerator("alice", Role.ADMIN);
            assertEquals(0, sqlite3(db, "SELECT count(*) FROM moderators"));
            assertTrue(Files.exists(Path.of(db + "-wal")), "the other process deleted the WAL of a database in use");
            second.putModerator("bob", Role.MODERATOR);
            assertEquals(2, first.moderators().size());
        }
        try (SqliteStore again = SqliteStore.open(db, OpenMode.EXISTING)) {
            assertEquals(2, again.moderators().size(), "a committed write was lost");
        }
    }

    private static int sqlite3(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static boolean sqlite3Works() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
