package dev.modq.store;

/** The database can be read but not written by this user (file or directory permissions). */
public class StoreReadOnlyException extends StoreException {

    public StoreReadOnlyException(String message) {
        super(message);
    }

    public StoreReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
