package dev.modq.store;

/** Another process held the write lock for longer than the busy timeout. */
public class StoreBusyException extends StoreException {

    private final int waitedMs;

    public StoreBusyException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    public StoreBusyException(String message, int waitedMs, Throwable cause) {
        super(message, cause);
        this.waitedMs = waitedMs;
    }

    /** How long this process waited for the lock before giving up, or -1 when unknown. */
    public int waitedMs() {
        return waitedMs;
    }
}
