package dev.modq.store.sqlite;

import dev.modq.store.BackupFile;
import dev.modq.store.BackupResult;

import java.sql.PreparedStatement;

/**
 * {@code modq backup} on SQLite: an online copy with {@code VACUUM INTO}, which reads one consistent snapshot while
 * others keep writing, into the temporary file {@link BackupFile} then syncs, verifies and names.
 */
final class Backup {

    private Backup() {
    }

    static BackupResult copy(SqliteStore source, java.nio.file.Path target) {
        return BackupFile.write(target, temp -> source.sql("copying the database to " + target, () -> {
            try (PreparedStatement ps = source.connection().prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toString());
                ps.execute();
            }
            return null;
        }));
    }
}
