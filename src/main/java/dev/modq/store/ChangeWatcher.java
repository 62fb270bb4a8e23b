package dev.modq.store;

/**
 * How the text UI learns that others changed the data: a number that changes whenever another connection commits.
 * Cheap and non-blocking, so the UI can ask twice a second. SQLite answers from {@code PRAGMA data_version}; a server
 * database may count wake-ups (LISTEN/NOTIFY) on a connection of its own. The store owns it and closes it.
 */
@FunctionalInterface
public interface ChangeWatcher {

    long version();
}
