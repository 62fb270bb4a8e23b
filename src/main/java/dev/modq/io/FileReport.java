package dev.modq.io;

import java.util.List;

/** What importing one file did: comment and post counts, orphans, and notes about leniency applied. */
public record FileReport(String file, ImportFormat format, long commentsNew, long commentsUpdated,
                         long commentsUnchanged, long keptLocal, long skipped, long postsNew, long postsUpdated,
                         long orphans, List<String> notes) {

    public long commentsRead() {
        return commentsNew + commentsUpdated + commentsUnchanged + keptLocal;
    }
}
