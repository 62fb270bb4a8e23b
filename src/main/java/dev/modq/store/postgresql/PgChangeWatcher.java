package dev.modq.store.postgresql;

import dev.modq.store.ChangeWatcher;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * Wakes the UI when another connection commits a change, without polling the data: a DEDICATED connection
 * LISTENs on {@value #CHANNEL} (the migrations' triggers send {@code pg_notify('modq_changes', table)}), and its
 * own thread asks the driver for notifications with a timeout (the JDBC driver delivers them only when asked).
 * A notification is a wake-up, never data: the UI re-reads what it shows. Several notifications between two
 * reads are one wake-up.
 *
 * <p>NOTIFY is delivered only at commit and never replayed, so after every (re)connection the watcher wakes once
 * — whatever changed while it was not listening is then re-read. A dropped connection is reopened with a
 * backoff. Where NOTIFY is unavailable (CockroachDB answers LISTEN with SQLSTATE 0A000) or when
 * {@link Options#pollingOnly} is set, it falls back to reading a cheap version probe every
 * {@link Options#pollEvery} and wakes when the value changes.
 *
 * <p>The PostgreSQL store creates one (lazily, for the text UI) and closes it with itself.
 */
public final class PgChangeWatcher implements ChangeWatcher, AutoCloseable {

    public static final String CHANNEL = "modq_changes";
    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    /** Opens a new connection (the watcher's own; it is never shared). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** A cheap value that changes whenever data changes, for the polling fallback (e.g. the store's data version). */
    @FunctionalInterface
    public interface VersionProbe {
        long read(Connection connection) throws SQLException;
    }

    /** Where the watcher is: connecting, listening for NOTIFY, polling the probe, or closed. */
    public enum Mode { CONNECTING, LISTENING, POLLING, CLOSED }

    /**
     * @param notifyWait   how long one {@code getNotifications} call waits (also bounds how long close() takes)
     * @param pollEvery    the probe interval of the polling fallback
     * @param healthEvery  how often an idle listening connection is checked with {@code SELECT 1}
     * @param minBackoff   first wait before reconnecting; doubles up to {@code maxBackoff}
     * @param pollingOnly  never LISTEN: poll the probe (what a CockroachDB deployment gets automatically)
     */
    public record Options(Duration notifyWait, Duration pollEvery, Duration healthEvery, Duration minBackoff,
                          Duration maxBackoff, boolean pollingOnly) {

        public static Options defaults() {
            return new Options(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(5),
                    Duration.ofMillis(100), Duration.ofSeconds(5), false);
        }

        public Options withPollingOnly(boolean polling) {
            return new Options(notifyWait, pollEvery, healthEvery, minBackoff, maxBackoff, polling);
        }
    }

    private final ConnectionSource source;
    private final VersionProbe probe;
    private final Options options;
    private final Runnable onWake;
    private final Thread thread;
    private final Object signal = new Object();

    private volatile boolean closed;
    private volatile Mode mode = Mode.CONNECTING;
    private volatile Connection current;
    private volatile SQLException lastError;
    private volatile int connections;
    private long wakes; // guarded by signal

    /**
     * Starts watching at once on a daemon thread.
     *
     * @param onWake called on the watcher's thread after each wake-up; must be quick (e.g. post a message)
     */
    public PgChangeWatcher(ConnectionSource source, VersionProbe probe, Options options, Runnable onWake) {
        this.source = Objects.requireNonNull(source, "source");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.options = Objects.requireNonNull(options, "options");
        this.onWake = Objects.requireNonNull(onWake, "onWake");
        this.thread = new Thread(this::run, "modq-pg-change-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@link ChangeWatcher}: the wake-up count; the UI re-reads when it moved since it last looked. Never blocks. */
    @Override
    public long version() {
        return wakeCount();
    }

    /** How many wake-ups so far: the UI re-reads when this moved since it last looked. */
    public long wakeCount() {
        synchronized (signal) {
            return wakes;
        }
    }

    /** Waits until the wake count exceeds {@code seen}; true if it did within {@code timeout}. */
    public boolean awaitWakeAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (wakes <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    public Mode mode() {
        return mode;
    }

    /** How many connections the watcher has opened successfully (more than one means it reconnected). */
    public int connections() {
        return connections;
    }

    /** The last error that cost the watcher its connection, or null. */
    public SQLException lastError() {
        return lastError;
    }

    /** Stops the thread (within about {@link Options#notifyWait}) and closes the dedicated connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(options.notifyWait().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(current);
        mode = Mode.CLOSED;
    }

    private void run() {
        Duration backoff = options.minBackoff();
        while (!closed) {
            try (Connection c = source.open()) {
                current = c;
                connections++;
                c.setAutoCommit(true); // LISTEN takes effect, and notifications arrive, only outside a transaction
                boolean listening = !options.pollingOnly() && listen(c);
                backoff = options.minBackoff();
                if (listening) {
                    wake(Mode.LISTENING);
                    listenLoop(c);
                } else {
                    long version = probe.read(c);
                    wake(Mode.POLLING);
                    pollLoop(c, version);
                }
            } catch (SQLException e) {
                lastError = e;
            } catch (RuntimeException e) {
                // a source that wraps its failures (the store's connect() throws StoreException): the same retry
                lastError = asSqlException(e);
            } catch (InterruptedException e) {
                break; // close() interrupts only once closed is set
            } finally {
                current = null;
            }
            if (!closed) {
                mode = Mode.CONNECTING;
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0
                        ? options.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        mode = Mode.CLOSED;
    }

    /** LISTENs; false (and no exception) where the server has no LISTEN/NOTIFY, so the caller polls instead. */
    private boolean listen(Connection c) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return false;
        }
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
            return true;
        } catch (SQLException e) {
            if (FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private void listenLoop(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int waitMillis = (int) Math.max(1, options.notifyWait().toMillis());
        long lastHealth = System.nanoTime();
        while (!closed) {
            PGNotification[] received = pg.getNotifications(waitMillis);
            if (received != null && received.length > 0) {
                wake(Mode.LISTENING);
            }
            if (System.nanoTime() - lastHealth >= options.healthEvery().toNanos()) {
                checkAlive(c); // a silently dropped network link shows up here instead of never
                lastHealth = System.nanoTime();
            }
        }
    }

    private void pollLoop(Connection c, long version) throws SQLException, InterruptedException {
        long seen = version;
        while (!closed) {
            Thread.sleep(options.pollEvery().toMillis());
            long now = probe.read(c);
            if (now != seen) {
                seen = now;
                wake(Mode.POLLING);
            }
        }
    }

    private static void checkAlive(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(10);
            st.execute("SELECT 1");
        }
    }

    private void wake(Mode now) {
        mode = now;
        synchronized (signal) {
            wakes++;
            signal.notifyAll();
        }
        onWake.run();
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static SQLException asSqlException(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return new SQLException(e.getMessage(), sql.getSQLState(), e);
            }
        }
        return new SQLException(e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing a connection that is already gone: nothing left to release
        }
    }
}
