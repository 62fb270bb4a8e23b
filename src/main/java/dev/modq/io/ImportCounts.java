package dev.modq.io;

import java.util.ArrayList;
import java.util.List;

/** Mutable tallies for the file being imported; the sink increments them, {@link #report} freezes them. */
public final class ImportCounts {

    public long commentsNew;
    public long commentsUpdated;
    public long commentsUnchanged;
    public long keptLocal;
    public long skipped;
    public long postsNew;
    public long postsUpdated;
    public long orphans;
    final List<String> notes = new ArrayList<>();

    public long commentsRead() {
        return commentsNew + commentsUpdated + commentsUnchanged + keptLocal;
    }

    public FileReport report(String file, ImportFormat format) {
        return new FileReport(file, format, commentsNew, commentsUpdated, commentsUnchanged, keptLocal, skipped,
                postsNew, postsUpdated, orphans, List.copyOf(notes));
    }
}
