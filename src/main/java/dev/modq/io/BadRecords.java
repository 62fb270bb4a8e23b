package dev.modq.io;

/**
 * What happens to a record that cannot be imported (no id, no date, a bad status): by default it is skipped and
 * listed with its place; with {@code --strict} the whole import is refused, as one line naming the place.
 * A record is always skipped whole, never half-imported.
 */
final class BadRecords {

    private final String file;
    private final boolean strict;
    private final ImportCounts counts;

    BadRecords(String file, boolean strict, ImportCounts counts) {
        this.file = file;
        this.strict = strict;
        this.counts = counts;
    }

    /** {@code where}: "line:column" of the record's start. */
    void skip(String where, BadRecordException e) {
        if (strict) {
            throw new ImportException(file + ":" + where + ": " + e.getMessage()
                    + " (--strict: nothing was imported; without it such records are skipped and listed)", e);
        }
        counts.bad(file + ":" + where + ": " + e.getMessage());
    }
}
