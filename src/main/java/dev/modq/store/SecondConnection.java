package dev.modq.store;

/** Another connection to the same, already opened database: the text UI writes on one off its key loop. */
public interface SecondConnection {

    /** A new store on the same database; a writer waiting for another's lock gives up after {@code busyTimeoutMs}. */
    Store openAnother(int busyTimeoutMs);
}
