package dev.modq.io;

/** Told now and then how far an import has got; implementations decide whether and how to show it. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (file, bytesRead, totalBytes, comments) -> { };

    void progress(String file, long bytesRead, long totalBytes, long comments);
}
