package dev.modq.store.sqlite;

import dev.modq.store.migration.Migration;
import dev.modq.store.migration.MigrationFiles;

import java.util.List;

/** SQLite's migrations: the files directly in db/migrations (PostgreSQL's sit in db/migrations/postgresql). */
final class MigrationSource {

    static final String LOCATION = "db/migrations";

    private MigrationSource() {
    }

    static List<Migration> bundled() {
        return MigrationFiles.bundled(LOCATION);
    }
}
