package dev.modq.store;

/** Which schema (migration) version the open database has. */
public interface SchemaInfo {

    /** The highest migration applied (after opening, the version this program brings). */
    int schemaVersion();
}
