package dev.modq.service;

/** The acting user may not do this; the message says how to get access. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
