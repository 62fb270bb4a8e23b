package dev.modq.service;

import dev.modq.store.BackupFile;
import dev.modq.store.BackupResult;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;

import java.nio.file.Path;

/**
 * {@code modq backup FILE}: a verified SQLite file holding one consistent snapshot of the database, whatever its
 * backend. A backend with a file of its own copies it (SQLite's {@code VACUUM INTO}); a server database (PostgreSQL)
 * goes row by row through {@code modq copy}'s path: its rows are read in one REPEATABLE READ, read-only transaction
 * ({@link dev.modq.store.RowCopy#readRows}), so every table comes from the same instant while others keep writing,
 * into a new SQLite file in one transaction. Either way the file is written under a temporary name, synced, checked
 * and only then named FILE ({@link BackupFile}). Server-level backups (roles, every database) stay pg_dump's.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    public static BackupResult backup(Store store, Path file) {
        return store.backup(file).orElseGet(() -> BackupFile.write(file, temp -> {
            try (Store copy = Stores.open(temp, OpenOptions.create())) {
                DatabaseCopy.copyRows(store, copy);
            }
        }));
    }
}
