package dev.modq.store.sqlite;

import java.util.function.Function;

/**
 * Runs a whole import (every file of one invocation) in one IMMEDIATE transaction: all or nothing.
 * A dry run does all the work, then rolls back.
 */
public final class SqliteImport {

    private SqliteImport() {
    }

    /** What the work returned, and how many replies name a parent found nowhere. */
    public record Outcome<T>(T result, long unresolvedParents) {
    }

    public static <T> Outcome<T> run(SqliteStore store, boolean dryRun, Function<SqliteImportSink, T> work) {
        try {
            return store.writeRaw(dryRun ? "importing (dry run)" : "importing", () -> {
                try (SqliteImportSink sink = new SqliteImportSink(store.rawConnection())) {
                    Outcome<T> outcome = new Outcome<>(work.apply(sink), sink.finish());
                    if (dryRun) {
                        throw new DryRun(outcome);
                    }
                    return outcome;
                } catch (SqliteImportSink.SinkSqlException e) {
                    throw e.getCause();
                }
            });
        } catch (DryRun rolledBack) {
            @SuppressWarnings("unchecked")
            Outcome<T> outcome = (Outcome<T>) rolledBack.outcome;
            return outcome;
        }
    }

    /** Unwinds a dry run through writeRaw, which rolls back on any exception. */
    private static final class DryRun extends RuntimeException {
        private final transient Outcome<?> outcome;

        DryRun(Outcome<?> outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
