package dev.modq.io;

import java.io.IOException;

/**
 * Input that breaks a size limit while it is being read (before it is in memory). An IOException so that it
 * passes unchanged through parsers that read from a Reader; the importer finds it in the cause chain.
 */
public final class LimitExceeded extends IOException {

    public LimitExceeded(String message) {
        super(message);
    }
}
