package dev.modq.store;

/** {@code modq check}: the database's own integrity, the audit chain, the audit log against the comments, counts. */
public interface StoreCheck {

    /** Runs every check on one read snapshot; others may keep working meanwhile. */
    CheckReport check();
}
