package dev.modq.store;

import java.time.Clock;

/**
 * How to open a store.
 *
 * @param mode          whether opening may create the database ({@link OpenMode#CREATE}: init, demo, copy's destination)
 * @param readOnly      open for reading only, whatever this user may do (verifying a backup copy)
 * @param busyTimeoutMs how long a writer waits for another writer's lock; null: the configured default
 *                      ({@code -Dmodq.busyTimeoutMs}, else {@code MODQ_BUSY_TIMEOUT_MS}, else 5 s)
 * @param clock         the store's clock (tests fix it)
 */
public record OpenOptions(OpenMode mode, boolean readOnly, Integer busyTimeoutMs, Clock clock) {

    public OpenOptions {
        if (mode == null || clock == null) {
            throw new IllegalArgumentException("mode and clock are required");
        }
    }

    /** An existing database, read-write where this user may write. */
    public static OpenOptions existing() {
        return new OpenOptions(OpenMode.EXISTING, false, null, Clock.systemUTC());
    }

    /** Created when missing, then migrated. */
    public static OpenOptions create() {
        return new OpenOptions(OpenMode.CREATE, false, null, Clock.systemUTC());
    }

    public static OpenOptions of(OpenMode mode) {
        return new OpenOptions(mode, false, null, Clock.systemUTC());
    }

    /** An existing database, for reading only. */
    public static OpenOptions readOnlyExisting() {
        return new OpenOptions(OpenMode.EXISTING, true, null, Clock.systemUTC());
    }

    public OpenOptions withBusyTimeoutMs(int ms) {
        return new OpenOptions(mode, readOnly, ms, clock);
    }

    public OpenOptions withClock(Clock c) {
        return new OpenOptions(mode, readOnly, busyTimeoutMs, c);
    }
}
