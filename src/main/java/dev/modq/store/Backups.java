package dev.modq.store;

import java.nio.file.Path;

/** A consistent copy of the database to a new file, written while others keep working, verified after writing. */
public interface Backups {

    /** Never overwrites {@code file}; a copy failing its integrity check is removed again. */
    BackupResult backup(Path file);
}
