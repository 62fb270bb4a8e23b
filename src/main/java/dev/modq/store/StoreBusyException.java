package dev.modq.store;

/** Another process held the write lock for longer than the busy timeout. */
public class StoreBusyException extends StoreException {

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
