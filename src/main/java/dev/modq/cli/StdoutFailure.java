package dev.modq.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * stdout could not be written: a full disk, a closed pipe. Thrown (not swallowed as PrintWriter does) so a
 * command stops at the row it could not write instead of running on and exiting 0 with nothing delivered.
 */
final class StdoutFailure extends UncheckedIOException {

    StdoutFailure(IOException cause) {
        super("cannot write to stdout: " + reason(cause), cause);
    }

    /** The reader went away (`modq list | head -1`): not an error worth a message. */
    boolean brokenPipe() {
        String m = getCause().getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("EPIPE"));
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The StdoutFailure behind {@code e}, however deep it was wrapped; null when there is none. */
    static StdoutFailure in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StdoutFailure failure) {
                return failure;
            }
        }
        return null;
    }
}
