package dev.modq.store.sqlite;

import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;
import dev.modq.store.ImportOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a whole import (every file of one invocation) without holding moderators up:
 * <ol>
 * <li>the files are read into a private staging database, with no lock on the real one (a slow pipe, a FIFO
 * without a writer, a 300k-comment file: moderators go on deciding meanwhile);</li>
 * <li>the staging tables are compared with the database, read-only, to count what will change (a dry run stops
 * here, and never takes the write lock);</li>
 * <li>the run is applied in short transactions (each aims at {@link #CHUNK_TARGET_MS}): its posts; its new
 * comments, a chunk at a time; their parents and metadata; then, in one last transaction, the changes to comments
 * modq already had. The run is recorded in import_runs: if it fails, its new comments that nobody decided are
 * removed again; if the process dies, the next import does that first. An empty database is loaded in one
 * transaction instead (nobody can be waiting on it), which is the fastest way.</li>
 * </ol>
 */
public final class SqliteImport {

    /** What one write transaction of an import aims at, so that a moderator's decision waits at most about this. */
    static final long CHUNK_TARGET_MS = 200;
    private static final int FIRST_CHUNK = 500;
    private static final int MAX_CHUNK = 50_000;
    private static final boolean TIMING = Boolean.getBoolean("modq.import.timing");

    private SqliteImport() {
    }

    public static ImportOutcome run(SqliteStore store, boolean dryRun, boolean strict,
                              Function<ImportSink, List<FileRead>> read) {
        ImportStaging staging = store.sql("creating the import's staging file", ImportStaging::create);
        try (staging) {
            List<FileRead> files = read.apply(staging);
            long duplicates = store.sql("sorting the imported records", staging::seal);
            Connection conn = store.rawConnection();
            store.sql("attaching the staging file", () -> attach(conn, staging));
            try {
                ImportApply apply = new ImportApply(conn);
                long unresolved = store.sql("comparing the import with the database", () -> apply.count(files, strict));
                if (dryRun) {
                    return new ImportOutcome(files, unresolved, duplicates, 0, 0);
                }
                String names = files.stream().map(FileRead::file).collect(Collectors.joining(", "));
                Applier applier = new Applier(store, conn, apply, new ImportRuns(conn, store.clock()));
                long undone = applier.undoInterrupted();
                applier.apply(names, staging.maxSeq());
                return new ImportOutcome(files, unresolved, duplicates, undone, applier.longestMs);
            } finally {
                store.sql("detaching the staging file", () -> detach(conn));
            }
        } catch (ImportStaging.StagingSqlException e) {
            return store.sql("staging the import", () -> {
                throw e.getCause();
            });
        }
    }

    /** Writes the run in short transactions, measuring each; undoes what it wrote if anything fails. */
    private static final class Applier {
        private final SqliteStore store;
        private final Connection conn;
        private final ImportApply apply;
        private final ImportRuns runs;
        long longestMs;

        Applier(SqliteStore store, Connection conn, ImportApply apply, ImportRuns runs) {
            this.store = store;
            this.conn = conn;
            this.apply = apply;
            this.runs = runs;
        }

        long undoInterrupted() {
            ImportRuns.Open open = store.sql("reading import runs", runs::open);
            return open.id() >= 0 && open.stale() ? undo(open.id()) : 0;
        }

        void apply(String names, long maxSeq) {
            if (store.sql("reading the database", () -> commentsEmpty(conn))) {
                write(() -> {
                    long run = runs.start(names);
                    DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
                    apply.applyPosts(run);
                    apply.insertComments(run, 0, maxSeq);
                    apply.completeNewComments(run, 0, Long.MAX_VALUE);
                    apply.updateExisting(run);
                    deferred.rebuild();
                    runs.done(run);
                    return null;
                });
                return;
            }
            long run = write(() -> {
                long id = runs.start(names);
                apply.applyPosts(id);
                return id;
            });
            try {
                inChunks(maxSeq, (from, to) -> {
                    apply.insertComments(run, from, to);
                    runs.heartbeat(run);
                });
                long first = store.sql("reading the run", () -> firstNewId(conn, run));
                long last = store.sql("reading the run", () -> lastId(conn));
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

        interface Chunk {
            void apply(long from, long to) throws SQLException;
        }

        private void inChunks(long last, Chunk chunk) {
            inChunks(1, last, chunk);
        }

        /** [first, last] in transactions sized so that each takes about CHUNK_TARGET_MS. */
        private void inChunks(long first, long last, Chunk chunk) {
            long size = FIRST_CHUNK;
            for (long from = first; from <= last; ) {
                long to = Math.min(last, from + size - 1);
                long start = System.nanoTime();
                long end = to;
                long f = from;
                write(() -> {
                    chunk.apply(f, end);
                    return null;
                });
                long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                size = Math.max(50, Math.min(MAX_CHUNK, size * CHUNK_TARGET_MS / ms));
                from = to + 1;
            }
        }

        private <T> T write(SqlWork<T> work) {
            long start = System.nanoTime();
            try {
                return store.writeRaw("importing", work);
            } finally {
                long ms = (System.nanoTime() - start) / 1_000_000;
                longestMs = Math.max(longestMs, ms);
                if (TIMING) {
                    System.err.printf("modq: import transaction %d ms%n", ms);
                }
            }
        }
    }

    private static boolean commentsEmpty(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM comments)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static long firstNewId(Connection conn, long run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT first_comment_id FROM import_runs WHERE id = ?")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long lastId(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM comments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Void attach(Connection conn, ImportStaging staging) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("ATTACH DATABASE ? AS s")) {
            ps.setString(1, staging.file().toString());
            ps.execute();
        }
        return null;
    }

    private static Void detach(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DETACH DATABASE s");
        }
        return null;
    }
}
