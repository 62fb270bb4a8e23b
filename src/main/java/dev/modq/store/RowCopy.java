package dev.modq.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A whole database, row by row, for {@code modq copy FROM TO} between any two backends: every table that holds data
 * (comments, posts, meta, moderators, settings, the audit log, batches, import runs, push marks, and whatever later
 * migrations add), each row's values unchanged, so the audit log's hashes and ids arrive as they were and its chain
 * verifies on the destination.
 *
 * <p>Both ends have the same schema version (opening migrates both to this program's). Tables and columns go by
 * name; values travel as {@code Long}, {@code Double}, {@code String}, {@code byte[]} or null, and a backend converts
 * where its own column type differs (a boolean column reads and writes 0/1; times stay the integers the schema
 * documents). Left out: the migration history (each database has its own) and tables derived from others (the kept
 * per-status counts, which the destination computes as rows arrive).
 */
public interface RowCopy {

    /** A table to copy: its name and the columns sent, in the order of each row's values. */
    record Table(String name, List<String> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** Where rows go: {@link #table} before each table's rows; parents come before the tables that refer to them. */
    interface RowSink {
        void table(Table table);

        void row(Object[] values);
    }

    /**
     * Reads every row of every table worth copying into {@code sink} from one consistent snapshot, streamed (one row
     * in memory at a time), tables parents first, rows in primary-key order; returns how many rows.
     */
    long readRows(RowSink sink);

    /**
     * Empty when this database holds nothing beyond what a new one holds (the rows its migrations put there, such as
     * a default settings row); otherwise what it holds ("12 comments, 3 moderators").
     */
    Optional<String> copyBlockers();

    /**
     * Writes into this (empty) database, in one transaction, the rows {@code load} sends to the sink it is given: all
     * or nothing. Refuses, with nothing written, when {@link #copyBlockers} finds data under the write lock. Rows the
     * migrations put in a new database are replaced by the source's. Foreign keys are checked at the end (a reply may
     * come before its parent); a backend with id sequences moves them past the highest id copied.
     */
    void writeRows(String doing, Consumer<RowSink> load);

    /**
     * Empty when this backend's text holds any string; otherwise the name of the backend whose text cannot hold a NUL
     * character (U+0000), for messages: PostgreSQL's cannot. {@link #writeRows} refuses such text; the service decides
     * before what to send instead.
     */
    default Optional<String> refusesNulInText() {
        return Optional.empty();
    }
}
