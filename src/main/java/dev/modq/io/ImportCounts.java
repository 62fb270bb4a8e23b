package dev.modq.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Tallies for one file: what the parser read (skipped records, bad records, notes) and, once the run is applied,
 * what the store did with it. Bad records are listed up to {@link #LISTED_BAD} (the count is always exact).
 */
public final class ImportCounts {

    /** The most bad records listed one by one; a file of a million broken records must not fill memory. */
    public static final int LISTED_BAD = 100;

    public long commentsNew;
    public long commentsUpdated;
    public long commentsUnchanged;
    public long keptLocal;
    public long skipped;
    public long postsNew;
    public long postsUpdated;
    public long orphans;
    public long badRecords;
    public long notInFile;
    private final List<String> notes = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();

    public long commentsRead() {
        return commentsNew + commentsUpdated + commentsUnchanged + keptLocal;
    }

    public void note(String note) {
        notes.add(note);
    }

    /** A record skipped as unusable: "file:line:column: why". */
    public void bad(String record) {
        if (badRecords++ < LISTED_BAD) {
            bad.add(record);
        }
    }

    public FileReport report(String file, ImportFormat format) {
        return new FileReport(file, format, commentsNew, commentsUpdated, commentsUnchanged, keptLocal, skipped,
                postsNew, postsUpdated, orphans, badRecords, List.copyOf(bad), notInFile, List.copyOf(notes));
    }
}
