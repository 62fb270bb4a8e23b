package dev.modq.store.sqlite;

import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a whole import (every file of one invocation) all or nothing, without holding moderators up:
 * <ol>
 * <li>the files are read into a private staging database, with no lock on the real one (a slow pipe, a FIFO
 * without a writer, a 300k-comment file: moderators go on deciding meanwhile);</li>
 * <li>the staging tables are compared with the database, read-only, to count what will change (a dry run stops
 * here, and never takes the write lock);</li>
 * <li>one IMMEDIATE transaction applies it set-based; if anyone committed since the counting, it counts again
 * inside the transaction so that the report is exact.</li>
 * </ol>
 */
public final class SqliteImport {

    private SqliteImport() {
    }

    /** What was read, how many replies name a parent found nowhere, and how many comments appeared twice. */
    public record Outcome(List<FileRead> files, long unresolvedParents, long duplicates) {
    }

    public static Outcome run(SqliteStore store, boolean dryRun, boolean strict,
                              Function<ImportSink, List<FileRead>> read) {
        ImportStaging staging = store.sql("creating the import's staging file", ImportStaging::create);
        try (staging) {
            List<FileRead> files = read.apply(staging);
            long duplicates = store.sql("sorting the imported records", staging::seal);
            Connection conn = store.rawConnection();
            store.sql("attaching the staging file", () -> attach(conn, staging));
            try {
                ImportApply apply = new ImportApply(conn);
                long version = store.sql("reading the database version", () -> dataVersion(conn));
                long counted = store.sql("comparing the import with the database", () -> apply.count(files, strict));
                if (dryRun) {
                    return new Outcome(files, counted, duplicates);
                }
                long unresolved = store.writeRaw("importing", () -> {
                    long exact = dataVersion(conn) == version ? counted : apply.count(files, strict);
                    DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
                    apply.apply();
                    deferred.rebuild();
                    return exact;
                });
                return new Outcome(files, unresolved, duplicates);
            } finally {
                store.sql("detaching the staging file", () -> detach(conn));
            }
        } catch (ImportStaging.StagingSqlException e) {
            return store.sql("staging the import", () -> {
                throw e.getCause();
            });
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

    /** Changes whenever another connection commits to the database (SQLite's PRAGMA data_version). */
    private static long dataVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA main.data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
