package dev.modq.store.postgresql;

import dev.modq.store.StoreBusyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.modq.testing.PgCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real serialization failures and deadlocks from the server, retried a bounded number of times. */
@ExtendWith(PgCluster.class)
class PgRetryTest {

    private PgTestDb db;

    @BeforeEach
    void createDatabase() {
        db = PgTestDb.create();
        db.sql("CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL)");
        db.sql("INSERT INTO t VALUES (1, 0), (2, 0)");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /**
     * One SERIALIZABLE transaction reads a row, another changes it and commits, the first then writes it: the
     * server refuses the first with 40001. {@code interfere} says whether this attempt gets such a rival.
     */
    private void serializableIncrement(Connection c, boolean interfere) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            st.executeQuery("SELECT n FROM t WHERE id = 1").close();
            if (interfere) {
                try (Connection rival = db.connect(); Statement r = rival.createStatement()) {
                    r.execute("UPDATE t SET n = n + 100 WHERE id = 1");
                }
            }
            st.executeUpdate("UPDATE t SET n = n + 1 WHERE id = 1");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Test
    void aSerializationFailureIsRetriedUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        long before = PgRetry.RETRIES.get();
        try (Connection c = db.connect()) {
            new PgRetry(3).run("db", "deciding", () -> {
                serializableIncrement(c, attempts.incrementAndGet() <= 2);
                return null;
            });
        }
        assertEquals(3, attempts.get(), "two refusals, then success");
        assertEquals(2, PgRetry.RETRIES.get() - before);
        assertEquals(201, db.longValue("SELECT n FROM t WHERE id = 1"), "each rival committed; ours once");
    }

    @Test
    void afterTheLastRetryOneClearLine() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection c = db.connect()) {
            StoreBusyException e = assertThrows(StoreBusyException.class, () -> new PgRetry(2).run(
                    "postgresql://modq@db/comments", "deciding 3 comments", () -> {
                        attempts.incrementAndGet();
                        serializableIncrement(c, true);
                        return null;
                    }));
            assertEquals("deciding 3 comments on postgresql://modq@db/comments gave up after 2 retries:"
                    + " serialization failure (other writers kept changing the same rows); try again", e.getMessage());
            assertEquals("40001", ((SQLException) e.getCause()).getSQLState());
        }
        assertEquals(3, attempts.get(), "the first try and two retries");
        assertEquals(300, db.longValue("SELECT n FROM t WHERE id = 1"), "ours never applied");
    }

    @Test
    void otherErrorsAreNotRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection c = db.connect()) {
            SQLException e = assertThrows(SQLException.class, () -> new PgRetry(5).run("db", "x", () -> {
                attempts.incrementAndGet();
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO t VALUES (1, 0)");
                }
                return null;
            }));
            assertEquals("23505", e.getSQLState());
        }
        assertEquals(1, attempts.get());
    }

    @Test
    void aDeadlockIsRetried() throws Exception {
        // two transactions lock rows 1 and 2 in opposite orders; the server aborts one with 40P01
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.executeUpdate("UPDATE t SET n = n + 10 WHERE id = 2");
                bothHoldOne.countDown();
                bothHoldOne.await(10, TimeUnit.SECONDS);
                st.executeUpdate("UPDATE t SET n = n + 10 WHERE id = 1");
                c.commit();
            } catch (SQLException e) {
                // this one may be the victim instead: fine, the retried side must still finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (Connection c = db.connect()) {
            new PgRetry(3).run("db", "deciding", () -> {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE t SET n = n + 1 WHERE id = 1");
                    if (attempts.incrementAndGet() == 1) {
                        bothHoldOne.countDown();
                        bothHoldOne.await(10, TimeUnit.SECONDS);
                    }
                    st.executeUpdate("UPDATE t SET n = n + 1 WHERE id = 2");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    c.setAutoCommit(true);
                }
                return null;
            });
        }
        other.get(20, TimeUnit.SECONDS);
        assertTrue(db.longValue("SELECT n FROM t WHERE id = 1") % 10 == 1, "ours applied exactly once");
        assertTrue(attempts.get() <= 2);
    }

    /**
     * A whole modq write transaction, run again after the server refused it: under SERIALIZABLE a blog backend
     * edits a comment after the decision's snapshot and before it locks the row, which PostgreSQL answers with
     * 40001; the second run sees the edit. With no retries left the user gets one line and nothing changed.
     */
    @Test
    void aStoreWriteRunsAgainAfterASerializationFailure() throws Exception {
        try (PgTestDb modq = PgTestDb.migrated()) {
            modq.seed(5);
            modq.sql("ALTER DATABASE " + modq.name() + " SET default_transaction_isolation = 'serializable'");
            AtomicInteger attempts = new AtomicInteger();
            long before = PgStore.retriesSoFar();
            try (PgStore store = PgStore.open(PgAddress.parse(modq.address()), false, java.time.Clock.systemUTC(),
                    new PgRetry(3), 5_000)) {
                long version = store.write("deciding", tx -> {
                    tx.hasModerators();  // the snapshot is taken here
                    if (attempts.incrementAndGet() == 1) {
                        modq.sql("UPDATE comments SET body = 'edited by the blog' WHERE id = 5");
                    }
                    var state = tx.states(java.util.List.of(5L)).get(5L);
                    tx.setStatuses(java.util.List.of(5L), dev.modq.core.Status.APPROVED, null);
                    return state.version();
                });
                assertEquals(2, attempts.get());
                assertEquals(1, version, "the second run saw the blog's edit");
                assertEquals(1, PgStore.retriesSoFar() - before);
                assertEquals("approved", modq.stringValue("SELECT status FROM comments WHERE id = 5"));
            }
            try (PgStore store = PgStore.open(PgAddress.parse(modq.address()), false, java.time.Clock.systemUTC(),
                    new PgRetry(1), 5_000)) {
                StoreBusyException e = assertThrows(StoreBusyException.class, () -> store.write("rejecting 1 comment", tx -> {
                    tx.hasModerators();
                    modq.sql("UPDATE comments SET body = body || '!' WHERE id = 4");
                    tx.states(java.util.List.of(4L));
                    tx.setStatuses(java.util.List.of(4L), dev.modq.core.Status.REJECTED, "spam");
                    return null;
                }));
                assertEquals("rejecting 1 comment on " + store.address() + " gave up after 1 retry:"
                        + " serialization failure (other writers kept changing the same rows); try again", e.getMessage());
                assertEquals("pending", modq.stringValue("SELECT status FROM comments WHERE id = 4"), "nothing changed");
            }
        }
    }

    @Test
    void pausesAreJitteredAndBounded() {
        for (int tried = 0; tried < 30; tried++) {
            long p = PgRetry.pauseMs(tried);
            assertTrue(p >= 1 && p <= 500, "pause " + p);
        }
    }
}
