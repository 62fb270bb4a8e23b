package dev.modq.store.postgresql;

import dev.modq.store.StoreBusyException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a whole transaction again when the server aborted it with a serialization failure (40001) or a deadlock
 * (40P01): a bounded number of retries, each after a jittered, doubling pause, then one clear line. The attempt
 * must start and end its own transaction (roll back on failure), so running it again starts from scratch.
 */
final class PgRetry {

    /** Retries after the first attempt, unless {@code MODQ_PG_RETRIES} / -Dmodq.pgRetries says otherwise. */
    static final int DEFAULT_RETRIES = 8;
    private static final long FIRST_PAUSE_MS = 5;
    private static final long MAX_PAUSE_MS = 500;

    /** Retries done by this process, for tests and the benchmark. */
    static final AtomicLong RETRIES = new AtomicLong();

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    private final int retries;

    PgRetry(int retries) {
        this.retries = retries;
    }

    static PgRetry fromEnvironment() {
        String configured = System.getProperty("modq.pgRetries");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("MODQ_PG_RETRIES");
        }
        if (configured == null || configured.isBlank()) {
            return new PgRetry(DEFAULT_RETRIES);
        }
        try {
            return new PgRetry(Math.max(0, Integer.parseInt(configured.trim())));
        } catch (NumberFormatException e) {
            return new PgRetry(DEFAULT_RETRIES);
        }
    }

    int retries() {
        return retries;
    }

    /**
     * Runs {@code attempt}, again after each retryable failure, at most {@code retries} times more. Other failures
     * pass through at once; after the last retry a {@link StoreBusyException} says what happened in one line.
     */
    <T> T run(String where, String doing, Attempt<T> attempt) throws SQLException {
        for (int tried = 0; ; tried++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!PgErrors.retryable(e)) {
                    throw e;
                }
                if (tried >= retries) {
                    throw new StoreBusyException(doing + " on " + where + " gave up after " + retries + (retries == 1 ? " retry: " : " retries: ")
                            + PgErrors.kind(rootState(e)) + " (other writers kept changing the same rows); try again", e);
                }
                RETRIES.incrementAndGet();
                pause(tried);
            }
        }
    }

    private static SQLException rootState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (PgErrors.SERIALIZATION_FAILURE.equals(s.getSQLState())
                    || PgErrors.DEADLOCK.equals(s.getSQLState()))) {
                return s;
            }
        }
        return e;
    }

    /** Full jitter: a random pause up to 5, 10, 20 ... ms, capped at 500 ms, so retrying writers spread out. */
    static long pauseMs(int tried) {
        long ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(tried, 16));
        return 1 + ThreadLocalRandom.current().nextLong(ceiling);
    }

    private static void pause(int tried) {
        try {
            Thread.sleep(pauseMs(tried));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
