package dev.modq.store.sqlite;

import dev.modq.store.StoreBusyException;
import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite error codes into store exceptions whose message is one line a user can act on. */
final class SqliteErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    /** SQLITE_IOERR_SHMSIZE: SQLite could not grow the -shm file, in practice because the disk is full. */
    private static final int SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8);
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {
    }

    /**
     * Opening read-only fails when the database is in WAL mode, nobody has it open (so there is no -shm file) and
     * SQLite may not create the -shm file because the directory is not writable for this user.
     */
    static StoreException translateReadOnlyOpen(Path db, String doing, SQLException e, int busyTimeoutMs) {
        return translateReadOnlyOpen(db, doing, e, busyTimeoutMs, FileAccess.onReadOnlyFileSystem(db));
    }

    static StoreException translateReadOnlyOpen(Path db, String doing, SQLException e, int busyTimeoutMs,
                                                boolean readOnlyFileSystem) {
        int primary = code(e) & 0xff;
        if ((primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) && readOnlyFileSystem) {
            return new StoreReadOnlyException("cannot open " + db + ": it is on a read-only file system and nobody has"
                    + " it open, so SQLite cannot create " + db.getFileName() + "-shm to read it; remount it read-write,"
                    + " or copy it (with its -wal file) to a writable place and use --db there", e);
        }
        if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) {
            Path dir = db.toAbsolutePath().getParent();
            return new StoreReadOnlyException("cannot open " + db + " read-only: SQLite must create " + db.getFileName()
                    + "-shm beside it and directory " + dir + " is not writable for you; ask its owner to make the"
                    + " directory group-writable (see docs/team-setup.md), or retry while a moderator has it open", e);
        }
        return translate(db, doing, e, busyTimeoutMs);
    }

    /** The SQLite result code, also when the driver wrapped the error (batch updates lose it on the outer exception). */
    static int code(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (t instanceof SQLException s) {
                if (s instanceof org.sqlite.SQLiteException se && se.getResultCode() != null
                        && se.getResultCode().code > 0) {
                    return se.getResultCode().code;
                }
                if (s.getErrorCode() > 0) {
                    return s.getErrorCode();
                }
                SQLException next = s.getNextException();
                if (next != null && next != s) {
                    int c = code(next);
                    if (c > 0) {
                        return c;
                    }
                }
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("[SQLITE_FULL]")) {
            return SQLITE_FULL;
        }
        if (m.startsWith("[SQLITE_BUSY]")) {
            return SQLITE_BUSY;
        }
        if (m.startsWith("[SQLITE_CORRUPT]") || m.startsWith("[SQLITE_NOTADB]")) {
            return SQLITE_CORRUPT;
        }
        return 0;
    }

    static StoreException translate(Path db, String doing, SQLException e, int busyTimeoutMs) {
        return translate(db, doing, e, busyTimeoutMs, FileAccess.nearlyFull(db));
    }

    /** {@code diskNearlyFull}: the file system has (almost) no space left, which explains most I/O errors. */
    static StoreException translate(Path db, String doing, SQLException e, int busyTimeoutMs, boolean diskNearlyFull) {
        int code = code(e);
        int primary = code & 0xff;
        if (code == SQLITE_IOERR_SHMSIZE || (primary == SQLITE_IOERR && diskNearlyFull)) {
            return new StoreException("disk full while " + doing + " in " + db + ": no space left on the file system"
                    + " holding " + db.toAbsolutePath().getParent() + " (SQLite could not grow its -wal/-shm files);"
                    + " nothing was written; free space and try again", e);
        }
        return switch (primary) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreBusyException("database " + db + " is locked by another writer"
                    + " (waited " + busyTimeoutMs + " ms while " + doing + "): try again shortly", busyTimeoutMs, e);
            case SQLITE_READONLY -> new StoreReadOnlyException("database " + db + " is read-only for you while " + doing
                    + ": " + FileAccess.writeAdvice(db, FileAccess.onReadOnlyFileSystem(db)), e);
            case SQLITE_FULL -> new StoreException("disk full while " + doing + " in " + db
                    + ": nothing was written; free space and try again", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new StoreException("database " + db + " is corrupted or not a database ("
                    + firstLine(e) + "): run `modq check`, or restore a backup", e);
            case SQLITE_CANTOPEN -> new StoreException("cannot open " + db + " while " + doing + ": " + firstLine(e), e);
            case SQLITE_IOERR -> new StoreException("I/O error while " + doing + " in " + db + " (" + firstLine(e)
                    + "): the disk or file system failed; check the system log (dmesg), then run `modq check`", e);
            default -> new StoreException("database error while " + doing + " in " + db + ": " + firstLine(e), e);
        };
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
