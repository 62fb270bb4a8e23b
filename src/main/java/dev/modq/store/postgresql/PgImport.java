package dev.modq.store.postgresql;

import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;
import dev.modq.store.ImportOutcome;
import dev.modq.store.jdbc.ImportApplier;
import dev.modq.store.jdbc.ImportApply;
import dev.modq.store.jdbc.ImportRuns;
import dev.modq.store.jdbc.JdbcAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole import on PostgreSQL, with SQLite's plan and guarantees, on a connection of its own:
 * <ol>
 * <li>the files are read into TEMP tables of that connection ({@link PgImportStaging}), with no lock and no open
 * transaction on the real tables (a slow pipe or a FIFO without a writer holds nobody up);</li>
 * <li>the staging tables are compared with the database to count what will change, reading the real tables only
 * (a dry run stops here);</li>
 * <li>the run is applied by {@link ImportApplier} in short transactions, each taking the audit chain's lock first as
 * every modq write on PostgreSQL does (so decisions and the import take turns, each for one short transaction),
 * retried on serialization failures and deadlocks ({@link PgRetry}).</li>
 * </ol>
 * The comparing and applying SQL is {@link ImportApply}'s, the same as SQLite's.
 */
final class PgImport {

    private PgImport() {
    }

    static ImportOutcome run(PgStore store, boolean dryRun, boolean strict, Function<ImportSink, List<FileRead>> read) {
        try (Connection conn = store.connectAnother()) {
            PgImportStaging staging = store.sql("creating the import's staging tables", () -> PgImportStaging.create(conn));
            List<FileRead> files;
            try {
                files = read.apply(staging);
            } catch (PgWriteTransaction.UncheckedSql e) {
                throw PgErrors.translate(store.pgAddress(), "staging the import", e.getCause());
            }
            long duplicates = store.sql("sorting the imported records", staging::seal);
            ImportApply apply = new ImportApply(conn, "pg_temp.");
            long unresolved = store.sql("comparing the import with the database", () -> apply.count(files, strict));
            if (dryRun) {
                return new ImportOutcome(files, unresolved, duplicates, 0, 0);
            }
            String names = files.stream().map(FileRead::file).collect(Collectors.joining(", "));
            ImportApplier applier = new ImportApplier(new Writes(store, conn), conn, apply,
                    new ImportRuns(conn, store.clock()));
            long undone = applier.undoInterrupted();
            applier.apply(names, staging.maxSeq());
            analyseAfterALargeRun(store, conn, files);
            return new ImportOutcome(files, unresolved, duplicates, undone, applier.longestMs());
        } catch (SQLException e) {
            throw PgErrors.translate(store.pgAddress(), "closing the import's connection", e);
        }
    }

    /** New comments after which the tables' statistics are refreshed at once rather than when autovacuum gets to it. */
    static final long ANALYSE_AFTER = 1_000;

    /**
     * After a large run the planner's row counts are those of the tables before it until autovacuum analyses them:
     * the next import's comparison (or the queue) could then plan a 100,000-row join as if for 2,000 rows and take
     * minutes. ANALYZE samples a bounded number of rows (about a second here); a role that may not analyse the
     * tables only gets a warning from the server, and autovacuum still does it later.
     */
    private static void analyseAfterALargeRun(PgStore store, Connection conn, List<FileRead> files) {
        if (files.stream().mapToLong(f -> f.counts().commentsNew).sum() >= ANALYSE_AFTER) {
            store.sql("refreshing the planner's statistics", () -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("ANALYZE comments, posts, comment_meta");
                }
                return null;
            });
        }
    }

    /** Short transactions on the import's connection, each behind the chain lock, retried as PgStore's writes are. */
    private record Writes(PgStore store, Connection conn) implements ImportApplier.Backend {

        @Override
        public <T> T write(JdbcAccess.SqlCall<T> work) {
            try {
                return store.retry().run(store.address(), "importing", () -> once(work));
            } catch (SQLException e) {
                throw PgErrors.translate(store.pgAddress(), "importing", e);
            }
        }

        private <T> T once(JdbcAccess.SqlCall<T> work) throws SQLException {
            conn.setAutoCommit(false);
            boolean done = false;
            try {
                PgWriteTransaction.lockChain(conn);
                T result = work.run();
                conn.commit();
                done = true;
                return result;
            } finally {
                if (!done) {
                    try {
                        conn.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone: nothing was committed
                    }
                }
                conn.setAutoCommit(true);
            }
        }

        @Override
        public <T> T read(String doing, JdbcAccess.SqlCall<T> work) {
            return store.sql(doing, work::run);
        }

        /**
         * Rows given explicit ids (a blog backend's own, a hand-made fix) leave an identity column behind: move it past
         * them, never back, so the run's inserts cannot collide with them.
         */
        @Override
        public void runStarts() throws SQLException {
            for (String table : List.of("posts", "comments")) {
                try (Statement st = conn.createStatement()) {
                    st.executeQuery("SELECT setval(s, m) FROM (SELECT pg_get_serial_sequence('" + table + "', 'id')::regclass"
                            + " AS s, (SELECT max(id) FROM " + table + ") AS m) x WHERE m > coalesce(pg_sequence_last_value(s), 0)")
                            .close();
                }
            }
        }
    }
}
