package dev.modq.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a compared import run in short transactions, the same way on both backends: its posts; its new comments, a
 * chunk of staging sequence numbers at a time; their parents and metadata, a chunk of ids at a time; then, in one
 * last transaction, the changes to comments modq already had. Each chunk is sized so that its transaction takes
 * about {@link #CHUNK_TARGET_MS}, so a moderator's decision waits at most about that. The run is recorded in
 * import_runs ({@link ImportRuns}): if it fails, its new comments nobody decided are removed again; if the process
 * dies, the next import does that first. An empty database is loaded in one transaction (nobody can be waiting on
 * it), which is the fastest way.
 */
public final class ImportApplier {

    /** What one write transaction of an import aims at. */
    public static final long CHUNK_TARGET_MS = 200;
    private static final int FIRST_CHUNK = 500;
    private static final int MAX_CHUNK = 50_000;
    private static final boolean TIMING = Boolean.getBoolean("modq.import.timing");

    /** What a backend lends the applier: its way of running one write transaction and one read. */
    public interface Backend {
        /** One write transaction, taking the lock modq's writers take turns on; retried and translated its way. */
        <T> T write(JdbcAccess.SqlCall<T> work);

        /** A read outside a write transaction; an SQLException becomes the backend's one-line error. */
        <T> T read(String doing, JdbcAccess.SqlCall<T> work);

        /** Inside the one transaction that loads an empty database, first; returns what to do just before it commits. */
        default JdbcAccess.SqlCall<Void> emptyLoadStarts() throws SQLException {
            return () -> null;
        }

        /** Inside the run's first transaction, before any row is inserted. */
        default void runStarts() throws SQLException {
        }
    }

    private final Backend backend;
    private final Connection conn;
    private final ImportApply apply;
    private final ImportRuns runs;
    private long longestMs;

    public ImportApplier(Backend backend, Connection conn, ImportApply apply, ImportRuns runs) {
        this.backend = backend;
        this.conn = conn;
        this.apply = apply;
        this.runs = runs;
    }

    /** The longest write transaction so far, in ms. */
    public long longestMs() {
        return longestMs;
    }

    /** Undoes a run an earlier, interrupted import left applying; returns how many of its comments went. */
    public long undoInterrupted() {
        ImportRuns.Open open = backend.read("reading import runs", runs::open);
        return open.id() >= 0 && open.stale() ? undo(open.id()) : 0;
    }

    /** Applies the compared run of {@code names}, whose staged records are numbered 1 to {@code maxSeq}. */
    public void apply(String names, long maxSeq) {
        if (backend.read("reading the database", this::commentsEmpty)) {
            write(() -> {
                long run = runs.start(names);
                backend.runStarts();
                JdbcAccess.SqlCall<Void> beforeCommit = backend.emptyLoadStarts();
                apply.applyPosts(run);
                apply.insertComments(run, 0, maxSeq);
                apply.completeNewComments(run, 0, Long.MAX_VALUE);
                apply.updateExisting(run);
                beforeCommit.run();
                runs.done(run);
                return null;
            });
            return;
        }
        long run = write(() -> {
            long id = runs.start(names);
            backend.runStarts();
            apply.applyPosts(id);
            return id;
        });
        try {
            inChunks(1, maxSeq, (from, to) -> {
                apply.insertComments(run, from, to);
                runs.heartbeat(run);
            });
            long first = backend.read("reading the run", () -> firstNewId(run));
            long last = backend.read("reading the run", this::lastId);
            inChunks(first, last, (from, to) -> {
                apply.completeNewComments(run, from, to);
                runs.heartbeat(run);
            });
            write(() -> {
                apply.updateExisting(run);
                runs.done(run);
                return null;
            });
        } catch (RuntimeException e) {
            try {
                undo(run);
            } catch (RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
            }
            throw e;
        }
    }

    private long undo(long run) {
        long removed = 0;
        long step;
        do {
            step = write(() -> runs.undoStep(run, 5_000));
            removed += step;
        } while (step > 0);
        return removed;
    }

    private interface Chunk {
        void apply(long from, long to) throws SQLException;
    }

    /** [first, last] in transactions sized so that each takes about CHUNK_TARGET_MS. */
    private void inChunks(long first, long last, Chunk chunk) {
        long size = FIRST_CHUNK;
        for (long from = first; from <= last; ) {
            long to = Math.min(last, from + size - 1);
            long start = System.nanoTime();
            long f = from;
            write(() -> {
                chunk.apply(f, to);
                return null;
            });
            long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            size = Math.max(50, Math.min(MAX_CHUNK, size * CHUNK_TARGET_MS / ms));
            from = to + 1;
        }
    }

    private <T> T write(JdbcAccess.SqlCall<T> work) {
        long start = System.nanoTime();
        try {
            return backend.write(work);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            longestMs = Math.max(longestMs, ms);
            if (TIMING) {
                System.err.printf("modq: import transaction %d ms%n", ms);
            }
        }
    }

    private boolean commentsEmpty() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM comments)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private long firstNewId(long run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT first_comment_id FROM import_runs WHERE id = ?")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long lastId() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM comments")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
