package dev.modq.service;

import dev.modq.core.Status;
import dev.modq.store.CheckReport;
import dev.modq.store.RowCopy;
import dev.modq.store.Store;
import dev.modq.store.StoreException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code modq copy FROM TO}: a whole database into an empty one, any backend to any other, through the store
 * interfaces only. Rows stream from one read snapshot of the source into one write transaction on the destination
 * (all or nothing, never a whole table in memory), values unchanged, so the audit log arrives with its ids and hashes
 * and its chain verifies there; then the destination is checked like {@code modq check}.
 */
public final class DatabaseCopy {

    /**
     * Rows copied per table (in copy order), text values whose NUL characters became U+FFFD per table (only where the
     * destination cannot store a NUL: see {@link NulInText}), the check run on the destination, and both sides' status
     * counts.
     */
    public record Result(Map<String, Long> rowsPerTable, Map<String, Long> nulsReplaced, CheckReport check,
                         Map<Status, Long> sourceCounts, Map<Status, Long> destinationCounts) {

        public long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The check passed and both databases count the same comments per status. */
        public boolean ok() {
            return check.ok() && sourceCounts.equals(destinationCounts);
        }
    }

    private DatabaseCopy() {
    }

    /** Refuses (one line, nothing written) a destination that already holds data. */
    public static Result copy(Store from, Store to) {
        Rows rows = copyRows(from, to);
        return new Result(rows.perTable(), rows.nulsReplaced(), to.check(), from.countsByStatus(), to.countsByStatus());
    }

    /** What {@link #copyRows} moved: rows per table in copy order, and NULs replaced per table. */
    record Rows(Map<String, Long> perTable, Map<String, Long> nulsReplaced) {
    }

    /** The copy without the check that ends {@link #copy} ({@code modq backup} checks its file once, after syncing). */
    static Rows copyRows(Store from, Store to) {
        if (from.address().equals(to.address())) {
            throw new StoreException("copy: FROM and TO are the same database " + from.address());
        }
        if (!to.writable()) {
            throw new StoreException("copy: " + to.address() + " is read-only for you: choose a destination you may write");
        }
        Optional<String> blockers = to.copyBlockers();
        if (blockers.isPresent()) {
            throw new StoreException("copy: " + to.address() + " is not empty (" + blockers.get() + "): copy only into a"
                    + " new or empty database, nothing was changed");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> replaced = new LinkedHashMap<>();
        to.writeRows("copying " + from.address() + " to " + to.address(), into -> {
            NulInText text = new NulInText(into, to.refusesNulInText());
            from.readRows(counting(text, rows));
            replaced.putAll(text.replaced());
        });
        return new Rows(rows, replaced);
    }

    private static RowCopy.RowSink counting(RowCopy.RowSink sink, Map<String, Long> rows) {
        return new RowCopy.RowSink() {
            private String table;

            @Override
            public void table(RowCopy.Table t) {
                table = t.name();
                rows.put(table, 0L);
                sink.table(t);
            }

            @Override
            public void row(Object[] values) {
                sink.row(values);
                rows.merge(table, 1L, Long::sum);
            }
        };
    }
}
