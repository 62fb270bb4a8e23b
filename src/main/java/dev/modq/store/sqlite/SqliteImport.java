package dev.modq.store.sqlite;

import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;
import dev.modq.store.ImportOutcome;
import dev.modq.store.jdbc.ImportApplier;
import dev.modq.store.jdbc.ImportApply;
import dev.modq.store.jdbc.ImportRuns;
import dev.modq.store.jdbc.JdbcAccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * <li>the run is applied in short transactions by {@link ImportApplier} (shared with PostgreSQL), each a
 * BEGIN IMMEDIATE of its own; an empty database is loaded in one, its comment indexes built after.</li>
 * </ol>
 */
public final class SqliteImport {

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
                ImportApply apply = new ImportApply(conn, "s.");
                long unresolved = store.sql("comparing the import with the database", () -> apply.count(files, strict));
                if (dryRun) {
                    return new ImportOutcome(files, unresolved, duplicates, 0, 0);
                }
                String names = files.stream().map(FileRead::file).collect(Collectors.joining(", "));
                ImportApplier applier = new ImportApplier(new Writes(store, conn), conn, apply,
                        new ImportRuns(conn, store.clock()));
                long undone = applier.undoInterrupted();
                applier.apply(names, staging.maxSeq());
                return new ImportOutcome(files, unresolved, duplicates, undone, applier.longestMs());
            } finally {
                store.sql("detaching the staging file", () -> detach(conn));
            }
        } catch (ImportStaging.StagingSqlException e) {
            return store.sql("staging the import", () -> {
                throw e.getCause();
            });
        }
    }

    /** Each write a BEGIN IMMEDIATE of its own; an empty database's comment indexes are built after its load. */
    private record Writes(SqliteStore store, Connection conn) implements ImportApplier.Backend {
        @Override
        public <T> T write(JdbcAccess.SqlCall<T> work) {
            return store.writeRaw("importing", work::run);
        }

        @Override
        public <T> T read(String doing, JdbcAccess.SqlCall<T> work) {
            return store.sql(doing, work::run);
        }

        @Override
        public JdbcAccess.SqlCall<Void> emptyLoadStarts() throws java.sql.SQLException {
            DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
            return () -> {
                deferred.rebuild();
                return null;
            };
        }
    }

    private static Void attach(Connection conn, ImportStaging staging) throws java.sql.SQLException {
        try (PreparedStatement ps = conn.prepareStatement("ATTACH DATABASE ? AS s")) {
            ps.setString(1, staging.file().toString());
            ps.execute();
        }
        return null;
    }

    private static Void detach(Connection conn) throws java.sql.SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DETACH DATABASE s");
        }
        return null;
    }
}
