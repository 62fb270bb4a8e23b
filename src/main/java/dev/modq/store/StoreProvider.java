package dev.modq.store;

/**
 * A database backend reached by an address that is not a file path (e.g. {@code postgresql://host/db}). Found by
 * {@link java.util.ServiceLoader}: a backend adds its class name to
 * {@code META-INF/services/dev.modq.store.StoreProvider}. SQLite files are opened by {@link Stores} itself.
 */
public interface StoreProvider {

    /** A short name for messages: "PostgreSQL". */
    String name();

    /** Whether this provider opens {@code address} (its scheme is one of this backend's). */
    boolean accepts(String address);

    /** Opens (and with {@link OpenMode#CREATE}, creates and migrates) the database at {@code address}. */
    Store open(String address, OpenOptions options);

    /** Deletes the whole database at {@code address} (only ever an untouched demo database); may refuse. */
    default void remove(String address) {
        throw new StoreException("replacing a " + name() + " database is not supported: choose another --db");
    }
}
