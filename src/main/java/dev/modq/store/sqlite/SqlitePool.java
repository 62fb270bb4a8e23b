package dev.modq.store.sqlite;

import dev.modq.store.StoreBusyException;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of connections to one database, for a server ({@code modq serve}) that runs many sessions in one
 * process. Every connection is made from the first with {@link SqliteStore#openAnother}: opening the file again
 * would read it through Java I/O and drop the process's POSIX locks, SQLite's own included. A connection handed
 * back is rolled back first, so a session that died mid-transaction leaves no open transaction or lock behind.
 */
public final class SqlitePool implements AutoCloseable {

    private final SqliteStore base;
    private final int max;
    private final int busyTimeoutMs;
    private final Semaphore permits;
    private final Deque<SqliteStore> idle = new ArrayDeque<>();
    private int opened;
    private boolean closed;

    public SqlitePool(SqliteStore base, int max, int busyTimeoutMs) {
        if (max < 1) {
            throw new IllegalArgumentException("the connection pool needs at least 1 connection, not " + max);
        }
        this.base = base;
        this.max = max;
        this.busyTimeoutMs = busyTimeoutMs;
        this.permits = new Semaphore(max, true);
    }

    /** A connection of one's own until {@link Lease#close}. Waits up to {@code wait}, then StoreBusyException. */
    public Lease lease(Duration wait) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreBusyException("all " + max + " database connections of the server are in use"
                        + " (waited " + wait.toMillis() + " ms): try again, or raise --max-connections", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted while waiting for a database connection", e);
        }
        try {
            return new Lease(take());
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private synchronized SqliteStore take() {
        if (closed) {
            throw new StoreBusyException("the server is shutting down", null);
        }
        SqliteStore s = idle.pollFirst();
        if (s == null) {
            s = base.openAnother(busyTimeoutMs);
            opened++;
        }
        return s;
    }

    private void giveBack(SqliteStore s) {
        boolean clean = rollBack(s);
        synchronized (this) {
            if (closed || !clean) {
                s.close();
                opened--;
            } else {
                idle.addFirst(s);
            }
        }
        permits.release();
    }

    /** Ends whatever transaction a session left open; false when the connection is unusable. */
    private static boolean rollBack(SqliteStore s) {
        try (Statement st = s.connection().createStatement()) {
            st.executeUpdate("ROLLBACK");
        } catch (SQLException noTransaction) {
            // the usual case: nothing was open
        }
        try (Statement st = s.connection().createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Connections open now (idle or leased), and the most there may be. */
    public synchronized int opened() {
        return opened;
    }

    public int leased() {
        return max - permits.availablePermits();
    }

    public int max() {
        return max;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (SqliteStore s : idle) {
            s.close();
            opened--;
        }
        idle.clear();
    }

    /** One leased connection; close gives it back (rolled back, never closed while the pool lives). */
    public final class Lease implements AutoCloseable {
        private final SqliteStore store;
        private boolean returned;

        private Lease(SqliteStore store) {
            this.store = store;
        }

        public SqliteStore store() {
            return store;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (returned) {
                    return;
                }
                returned = true;
            }
            giveBack(store);
        }
    }
}
