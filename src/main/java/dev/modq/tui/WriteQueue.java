package dev.modq.tui;

import dev.modq.store.StoreBusyException;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Decisions and undos, written one after another in the order the keys were pressed, on a thread (and a database
 * connection) of their own: while another writer holds the lock (an import), the key loop keeps moving and drawing,
 * and says it is waiting. A write refused as busy is tried again, the same targets with the same versions, until
 * it goes through or the queue is closed; every write is answered with one {@link Msg.Written}.
 */
public final class WriteQueue implements AutoCloseable {

    /** Between two tries when the store's own busy timeout is shorter than this (e.g. 0). */
    private static final long RETRY_PAUSE_MS = 50;

    private final EffectRunner runner;
    private final ExecutorService thread;
    private final boolean retryBusy;
    private final LongSupplier ticker;
    private final Queue<Msg> answers = new ConcurrentLinkedQueue<>();
    /** Ticker readings of the writes not answered yet, oldest first. */
    private final Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** The current write was refused as busy at least once: another writer holds the lock (not just a slow write). */
    private volatile boolean busy;
    private final CountDownLatch firstBusy = new CountDownLatch(1);

    private WriteQueue(EffectRunner runner, ExecutorService thread, boolean retryBusy, LongSupplier ticker) {
        this.runner = runner;
        this.thread = thread;
        this.retryBusy = retryBusy;
        this.ticker = ticker;
    }

    /**
     * Writes on a daemon thread through {@code runner}, whose store must be a connection of its own (sharing the
     * key loop's connection would make the loop wait for the lock again).
     */
    public static WriteQueue background(EffectRunner runner, LongSupplier ticker) {
        return new WriteQueue(runner, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "modq writes");
            t.setDaemon(true);
            return t;
        }), true, ticker);
    }

    /**
     * Writes at once, on the caller's thread and connection (benchmarks, embedders that share one connection): a
     * busy database is answered as a failure after the store's busy timeout, as before.
     */
    public static WriteQueue inline(EffectRunner runner, LongSupplier ticker) {
        return new WriteQueue(runner, null, false, ticker);
    }

    public void submit(Effect.Write write) {
        if (closed) {
            return;
        }
        boolean answered = !(write instanceof Effect.ActAs || write instanceof Effect.ScoreDue);
        if (answered) {
            sentAt.add(ticker.getAsLong());
        }
        Runnable work = () -> {
            Optional<Msg> outcome = attempt(write);
            if (answered) {
                sentAt.poll();
                answers.add(new Msg.Written(write, outcome.orElse(new Msg.Failed("Nothing was written"))));
            }
        };
        if (thread == null) {
            work.run();
        } else {
            thread.execute(work);
        }
    }

    private Optional<Msg> attempt(Effect.Write write) {
        while (true) {
            if (closed) {
                return Optional.of(new Msg.Failed("Not written: the queue was closed first"));
            }
            long started = System.nanoTime();
            try {
                Optional<Msg> answer = runner.runWrite(write);
                busy = false;
                return answer;
            } catch (StoreBusyException e) {
                busy = true;
                firstBusy.countDown();
                if (!retryBusy || closed) {
                    busy = false;
                    return Optional.of(EffectRunner.busy(write, e));
                }
                pauseIfQuick(started);
            }
        }
    }

    private static void pauseIfQuick(long startedNanos) {
        long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        if (spentMs < RETRY_PAUSE_MS) {
            try {
                Thread.sleep(RETRY_PAUSE_MS - spentMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next answer, or null when none has arrived. */
    public Msg poll() {
        return answers.poll();
    }

    /** True while the write under way has met another writer's lock (a busy timeout) and is trying again. */
    public boolean busy() {
        return busy;
    }

    /** Blocks until a write first meets another writer's lock (tests). False on timeout. */
    public boolean awaitBusy(Duration timeout) throws InterruptedException {
        return firstBusy.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes not answered yet. */
    public int waiting() {
        return sentAt.size();
    }

    /** The ticker reading when the oldest unanswered write was sent. */
    public OptionalLong oldestSentAt() {
        Long t = sentAt.peek();
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** Blocks until every write sent so far has been answered (tests; quitting). False on timeout. */
    public boolean awaitAnswered(Duration timeout) {
        if (thread == null) {
            return true;
        }
        try {
            if (thread.isShutdown()) {
                return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            thread.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Stops taking writes; one still waiting for the lock gives up at its next busy timeout. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.shutdown();
        }
    }
}
