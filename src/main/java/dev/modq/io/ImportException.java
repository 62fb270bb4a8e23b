package dev.modq.io;

/** An input file that cannot be imported; the message names the file, the place and what was expected. */
public final class ImportException extends RuntimeException {

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ImportException(String message) {
        super(message);
    }
}
