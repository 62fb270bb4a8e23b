package dev.modq.io;

import java.util.List;

/**
 * What importing one file did: comment and post counts, orphans, records skipped as unusable (listed with their
 * place, up to {@link ImportCounts#LISTED_BAD}), comments already in modq that the file says nothing about, and
 * notes about leniency applied.
 */
public record FileReport(String file, ImportFormat format, long commentsNew, long commentsUpdated,
                         long commentsUnchanged, long keptLocal, long skipped, long postsNew, long postsUpdated,
                         long orphans, long badRecords, List<String> bad, long notInFile, List<String> notes) {

    public long commentsRead() {
        return commentsNew + commentsUpdated + commentsUnchanged + keptLocal;
    }
}
