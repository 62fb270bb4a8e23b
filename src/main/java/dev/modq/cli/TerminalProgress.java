package dev.modq.cli;

import dev.modq.io.ProgressListener;

import java.io.PrintWriter;

/** A one-line progress display on a terminal's stderr, redrawn with a carriage return at most 5 times a second. */
final class TerminalProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** Progress only when a person is watching: stderr is a terminal. Scripts and pipes get silence. */
    static ProgressListener forStderr(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : ProgressListener.NONE;
    }

    @Override
    public void progress(String file, long bytesRead, long totalBytes, long comments) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = Math.max(0.001, (now - started) / 1e9);
        long percent = totalBytes == 0 ? 100 : Math.min(100, bytesRead * 100 / totalBytes);
        err.printf("\r%s %3d%% %,.1f/%,.1f MB  %,d comments  %,.0f/s  ", file, percent, bytesRead / 1e6,
                totalBytes / 1e6, comments, comments / seconds);
        err.flush();
    }

    /** Clears the line so the summary starts clean. */
    static void clear(ProgressListener progress, PrintWriter err) {
        if (progress instanceof TerminalProgress shown && shown.drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
