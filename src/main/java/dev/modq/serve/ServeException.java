package dev.modq.serve;

/** The server cannot start or run: the message is the one line to print. */
public final class ServeException extends RuntimeException {

    public ServeException(String message) {
        super(message);
    }

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
