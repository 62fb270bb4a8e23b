package dev.modq.io;

/** A record that parsed but cannot be imported (missing id, bad date, oversized body); the importer adds where. */
public final class BadRecordException extends RuntimeException {

    public BadRecordException(String message) {
        super(message);
    }
}
