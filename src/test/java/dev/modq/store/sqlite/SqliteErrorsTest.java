package dev.modq.store.sqlite;

import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 20: errors name what is really wrong. A full disk and a read-only mount cannot be made in a test
 * without root-only mounts, so the mapping from SQLite's codes (and the file system's state) is tested here.
 */
class SqliteErrorsTest {

    private static final Path DB = Path.of("/srv/modq/comments.db");

    private static SQLiteException error(SQLiteErrorCode code, String message) {
        return new SQLiteException("[" + code.name() + "] " + message, code);
    }

    @Test
    void aFullDiskThatSqliteReportsAsShmSizeIsCalledADiskFull() {
        StoreException e = SqliteErrors.translate(DB, "opening the database",
                error(SQLiteErrorCode.SQLITE_IOERR_SHMSIZE, "disk I/O error"), 5000, false);
        assertEquals("disk full while opening the database in /srv/modq/comments.db: no space left on the file system"
                + " holding /srv/modq (SQLite could not grow its -wal/-shm files); nothing was written; free space and"
                + " try again", e.getMessage());
    }

    @Test
    void anIoErrorOnANearlyFullDiskIsADiskFullAndOtherwiseAnIoError() {
        SQLiteException write = error(SQLiteErrorCode.SQLITE_IOERR_WRITE, "disk I/O error");
        assertTrue(SqliteErrors.translate(DB, "writing", write, 5000, true).getMessage().startsWith("disk full while writing"));
        String other = SqliteErrors.translate(DB, "writing", write, 5000, false).getMessage();
        assertTrue(other.startsWith("I/O error while writing in /srv/modq/comments.db ([SQLITE_IOERR_WRITE]"), other);
        assertTrue(other.endsWith("check the system log (dmesg), then run `modq check`"), other);
        assertTrue(SqliteErrors.translate(DB, "writing", error(SQLiteErrorCode.SQLITE_FULL, "full"), 5000, false)
                .getMessage().startsWith("disk full while writing"));
    }

    @Test
    void aReadOnlyMountIsNamedInsteadOfGroupPermissions() {
        SQLiteException cantOpen = error(SQLiteErrorCode.SQLITE_CANTOPEN, "unable to open database file");
        StoreException mount = SqliteErrors.translateReadOnlyOpen(DB, "opening", cantOpen, 5000, true);
        assertInstanceOf(StoreReadOnlyException.class, mount);
        assertTrue(mount.getMessage().startsWith("cannot open /srv/modq/comments.db: it is on a read-only file system"),
                mount.getMessage());
        assertTrue(!mount.getMessage().contains("group"), mount.getMessage());
        StoreException dir = SqliteErrors.translateReadOnlyOpen(DB, "opening", cantOpen, 5000, false);
        assertTrue(dir.getMessage().contains("make the directory group-writable"), dir.getMessage());
        assertEquals("it is on a read-only file system: remount it read-write, or work on a copy elsewhere",
                FileAccess.writeAdvice(DB, true));
    }
}
