package dev.modq.cli.output;

import java.io.PrintWriter;
import java.util.List;

/** Writes items one at a time, so a million rows stream through without being held. */
public interface RowWriter<T> {

    void write(T item);

    /** Closes arrays, prints counts, flushes. */
    void finish();

    /**
     * The writer for a format. {@code columns} is the terminal width for tables on a terminal, or 0 when
     * stdout is not a terminal (tables are still sanitised then, but not cut to a width).
     */
    static <T> RowWriter<T> of(Format format, List<Field<T>> fields, PrintWriter out, int columns) {
        return switch (format) {
            case TABLE -> new TableRowWriter<>(fields, out, columns);
            case CSV -> new CsvRowWriter<>(fields, out);
            case JSON -> new JsonRowWriter<>(fields, out, false);
            case JSONL -> new JsonRowWriter<>(fields, out, true);
            case IDS -> new IdsRowWriter<>(fields.get(0), out);
            case COUNT -> new CountRowWriter<>(out);
        };
    }
}
