package dev.modq.store;

import java.nio.file.Path;
import java.util.Optional;

/** A consistent copy of the database to a new SQLite file, written while others keep working, verified after writing. */
public interface Backups {

    /**
     * The backend's own file copy ({@link BackupFile}: never overwrites {@code file}; a copy failing its integrity
     * check is removed again); empty when the backend has no file of its own to copy (a server database), and
     * {@code service.DatabaseBackup} copies it row by row from one snapshot instead.
     */
    Optional<BackupResult> backup(Path file);
}
