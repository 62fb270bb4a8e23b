package dev.modq.store.postgresql;

import dev.modq.store.postgresql.PgChangeWatcher.Mode;
import dev.modq.store.postgresql.PgChangeWatcher.Options;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LISTEN/NOTIFY wake-ups on a real PostgreSQL server: commits wake, rollbacks do not, drops recover, polling works. */
@ExtendWith(PgCluster.class)
class PgChangeWatcherTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final String APP = "modq-watcher-test";

    private PgDatabase db;
    private PgChangeWatcher watcher;
    private final AtomicInteger callbacks = new AtomicInteger();

    @BeforeEach
    void schemaWithTheMigrationsNotifyTrigger(PgDatabase db) throws SQLException {
        this.db = db;
        sql("CREATE TABLE comments (id bigserial PRIMARY KEY, body text);"
                + "CREATE FUNCTION modq_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_notify('modq_changes', TG_TABLE_NAME); RETURN NULL; END $$;"
                + "CREATE TRIGGER comments_notify AFTER INSERT OR UPDATE OR DELETE ON comments"
                + " FOR EACH STATEMENT EXECUTE FUNCTION modq_notify_change()");
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aCommitOnAnotherConnectionWakesTheWatcherWithinABound() throws Exception {
        start(Options.defaults());
        long seen = watcher.wakeCount();
        long t0 = System.nanoTime();
        sql("INSERT INTO comments (body) VALUES ('new')");
        assertTrue(watcher.awaitWakeAfter(seen, BOUND), "no wake-up within " + BOUND + " of a commit");
        long micros = (System.nanoTime() - t0) / 1_000;
        System.out.println("PgChangeWatcherTest: commit -> wake-up in " + micros + " us (LISTEN/NOTIFY)");
        assertEquals(seen + 1, watcher.wakeCount(), "one statement, one wake-up");
        assertTrue(callbacks.get() >= 2, "the callback runs on every wake-up");
    }

    @Test
    void aRolledBackChangeWakesNobody() throws Exception {
        start(Options.defaults());
        long seen = watcher.wakeCount();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO comments (body) VALUES ('never')");
            c.rollback();
        }
        assertFalse(watcher.awaitWakeAfter(seen, Duration.ofMillis(800)), "a rolled-back change woke the watcher");
        sql("INSERT INTO comments (body) VALUES ('real')");
        assertTrue(watcher.awaitWakeAfter(seen, BOUND));
    }

    @Test
    void aDroppedConnectionIsReopenedWakesOnceAndKeepsListening() throws Exception {
        start(Options.defaults());
        assertEquals(1, watcher.connections());
        long seen = watcher.wakeCount();
        int killed = terminateWatcherBackends();
        assertEquals(1, killed, "the watcher has exactly one dedicated connection");

        assertTrue(waitFor(() -> watcher.connections() == 2 && watcher.mode() == Mode.LISTENING, Duration.ofSeconds(10)),
                "the watcher did not reconnect; mode " + watcher.mode() + ", last error " + watcher.lastError());
        assertNotNull(watcher.lastError(), "the drop was noticed as an error");
        assertTrue(watcher.wakeCount() > seen, "a reconnection wakes once: notifications sent meanwhile are lost");

        long afterReconnect = watcher.wakeCount();
        sql("INSERT INTO comments (body) VALUES ('after the drop')");
        assertTrue(watcher.awaitWakeAfter(afterReconnect, BOUND), "commits after the reconnection wake it again");
    }

    @Test
    void pollingOnlyReadsTheProbeAndIgnoresNotify() throws Exception {
        start(Options.defaults().withPollingOnly(true));
        assertEquals(Mode.POLLING, watcher.mode());
        long seen = watcher.wakeCount();
        sql("SELECT pg_notify('modq_changes', 'comments')"); // a NOTIFY with no change: a poller must not see it
        assertFalse(watcher.awaitWakeAfter(seen, Duration.ofMillis(1_200)), "polling mode reacted to a NOTIFY");
        long t0 = System.nanoTime();
        sql("INSERT INTO comments (body) VALUES ('polled')");
        assertTrue(watcher.awaitWakeAfter(seen, BOUND), "the probe did not see the change");
        System.out.println("PgChangeWatcherTest: commit -> wake-up in " + (System.nanoTime() - t0) / 1_000
                + " us (polling every 500 ms)");
    }

    @Test
    void aServerWithoutListenFallsBackToPolling() throws Exception {
        // CockroachDB answers LISTEN with "unimplemented" and SQLSTATE 0A000; this connection does the same.
        watcher = new PgChangeWatcher(() -> withoutListen(open()), PgChangeWatcherTest::commentCount,
                Options.defaults(), callbacks::incrementAndGet);
        assertTrue(waitFor(() -> watcher.mode() == Mode.POLLING, BOUND), "mode " + watcher.mode());
        long seen = watcher.wakeCount();
        sql("INSERT INTO comments (body) VALUES ('polled')");
        assertTrue(watcher.awaitWakeAfter(seen, BOUND));
        assertEquals(1, watcher.connections(), "falling back is not a reconnection");
    }

    @Test
    void anUnreachableServerLeavesTheWatcherRetryingAndCloseStopsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        watcher = new PgChangeWatcher(() -> {
            attempts.incrementAndGet();
            throw new SQLException("Connection to 127.0.0.1:1 refused", "08001");
        }, PgChangeWatcherTest::commentCount,
                new Options(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5),
                        Duration.ofMillis(20), Duration.ofMillis(40), false), callbacks::incrementAndGet);
        assertTrue(waitFor(() -> attempts.get() >= 3, BOUND), "it keeps retrying");
        assertEquals(Mode.CONNECTING, watcher.mode());
        assertEquals("08001", watcher.lastError().getSQLState());
        assertEquals(0, watcher.wakeCount());
        watcher.close();
        int after = attempts.get();
        Thread.sleep(200);
        assertEquals(after, attempts.get(), "no retries after close");
        assertEquals(Mode.CLOSED, watcher.mode());
    }

    @Test
    void aSourceThatThrowsUncheckedFailuresIsRetriedToo() throws Exception {
        // the store's connect() reports a refused connection as a StoreException, not an SQLException
        AtomicInteger attempts = new AtomicInteger();
        watcher = new PgChangeWatcher(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("cannot connect", new SQLException("refused", "08001"));
            }
            return open();
        }, PgChangeWatcherTest::commentCount, Options.defaults(), callbacks::incrementAndGet);
        assertTrue(waitFor(() -> watcher.mode() == Mode.LISTENING, Duration.ofSeconds(5)), "mode " + watcher.mode());
        assertEquals(3, attempts.get());
        assertEquals("08001", watcher.lastError().getSQLState());
        long seen = watcher.wakeCount();
        sql("INSERT INTO comments (body) VALUES ('after two failures')");
        assertTrue(watcher.awaitWakeAfter(seen, BOUND));
    }

    @Test
    void closeReleasesTheDedicatedConnection() throws Exception {
        start(Options.defaults());
        assertEquals(1, watcherBackends());
        watcher.close();
        assertEquals(Mode.CLOSED, watcher.mode());
        assertTrue(waitFor(() -> watcherBackends() == 0, BOUND), "the server still has the watcher's session");
    }

    private void start(Options options) throws InterruptedException {
        watcher = new PgChangeWatcher(this::open, PgChangeWatcherTest::commentCount, options, callbacks::incrementAndGet);
        Mode want = options.pollingOnly() ? Mode.POLLING : Mode.LISTENING;
        assertTrue(waitFor(() -> watcher.mode() == want, BOUND), "watcher mode " + watcher.mode());
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + "&ApplicationName=" + APP);
    }

    private static long commentCount(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM comments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int terminateWatcherBackends() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE application_name = '" + APP + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int watcherBackends() {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APP + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** A connection that refuses LISTEN the way CockroachDB does; everything else goes to the real one. */
    private static Connection withoutListen(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("createStatement") && result instanceof Statement st) {
                        return refusingListen(st);
                    }
                    return result;
                });
    }

    private static Statement refusingListen(Statement real) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args.length > 0
                            && String.valueOf(args[0]).trim().toUpperCase().startsWith("LISTEN")) {
                        throw new SQLException("unimplemented: LISTEN is not supported", "0A000");
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
