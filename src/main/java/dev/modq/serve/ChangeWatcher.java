package dev.modq.serve;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One poller for every session of the server: it reads the database's change counter every {@code every} on its own
 * thread and connection, and sessions read {@link #version} (a volatile field) instead of asking the database each.
 * Fifty open queues cost one query per half second, not fifty.
 */
public final class ChangeWatcher implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private volatile long version;
    private volatile long polls;

    public ChangeWatcher(LongSupplier source, Duration every) {
        this.version = source.getAsLong();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modq change watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                version = source.getAsLong();
                polls++;
            } catch (RuntimeException e) {
                // a missed poll only delays freshness; the next one catches up
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long version() {
        return version;
    }

    /** Polls so far (tests and the benchmark: one poller, whatever the number of sessions). */
    public long polls() {
        return polls;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
