package dev.modq.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of connections to one database, for a server ({@code modq serve}) that runs many sessions in one
 * process. Every connection is made from the first with {@link Store#openAnother}: for SQLite, opening the file again
 * would read it through Java I/O and drop the process's POSIX locks, SQLite's own included. Stores end every
 * transaction they begin (write and read run in try/finally), so a connection comes back with none open.
 */
public final class StorePool implements AutoCloseable {

    private final Store base;
    private final int max;
    private final int busyTimeoutMs;
    private final Semaphore permits;
    private final Deque<Store> idle = new ArrayDeque<>();
    private int opened;
    private boolean closed;

    public StorePool(Store base, int max, int busyTimeoutMs) {
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

    private synchronized Store take() {
        if (closed) {
            throw new StoreBusyException("the server is shutting down", null);
        }
        Store s = idle.pollFirst();
        if (s == null) {
            s = base.openAnother(busyTimeoutMs);
            opened++;
        }
        return s;
    }

    private void giveBack(Store s) {
        synchronized (this) {
            if (closed) {
                s.close();
                opened--;
            } else {
                idle.addFirst(s);
            }
        }
        permits.release();
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
        for (Store s : idle) {
            s.close();
            opened--;
        }
        idle.clear();
    }

    /** One leased connection; close gives it back (rolled back, never closed while the pool lives). */
    public final class Lease implements AutoCloseable {
        private final Store store;
        private boolean returned;

        private Lease(Store store) {
            this.store = store;
        }

        public Store store() {
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
