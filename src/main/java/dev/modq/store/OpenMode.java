package dev.modq.store;

/** Whether opening may create a new database file. */
public enum OpenMode {
    /** The database must exist already (every command but init and demo). */
    EXISTING,
    /** Create the file when missing, then migrate (init, demo). */
    CREATE
}
