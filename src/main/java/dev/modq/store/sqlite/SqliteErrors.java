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
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {
    }

    static StoreException translate(Path db, String doing, SQLException e, int busyTimeoutMs) {
        int primary = e.getErrorCode() & 0xff;
        return switch (primary) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreBusyException("database " + db + " is locked by another writer"
                    + " (waited " + busyTimeoutMs + " ms while " + doing + "): try again shortly", e);
            case SQLITE_READONLY -> new StoreReadOnlyException("database " + db + " is read-only for you while " + doing
                    + ": ask its owner for write access", e);
            case SQLITE_FULL -> new StoreException("disk full while " + doing + " in " + db
                    + ": nothing was written; free space and try again", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new StoreException("database " + db + " is corrupted or not a database ("
                    + firstLine(e) + "): run `modq check`, or restore a backup", e);
            case SQLITE_CANTOPEN -> new StoreException("cannot open " + db + " while " + doing + ": " + firstLine(e), e);
            default -> new StoreException("database error while " + doing + " in " + db + ": " + firstLine(e), e);
        };
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
