package dev.modq.store.postgresql;

import dev.modq.store.SchemaException;
import dev.modq.store.StoreException;
import dev.modq.store.migration.MigrationFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.modq.testing.PgCluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL migrations: applied once, in order, checksummed as on SQLite; edited, newer or foreign refused. */
@ExtendWith(PgCluster.class)
class PgMigratorTest {

    private PgTestDb db;

    @BeforeEach
    void createDatabase() {
        db = PgTestDb.create();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void postgresqlMigrationsMirrorSqlitesNumbersAndNames() throws Exception {
        Path base = Path.of(System.getProperty("modq.basedir", ".")).resolve("db/migrations");
        List<String> sqlite = MigrationFiles.fromDirectory(base).stream().map(m -> m.fileName()).toList();
        List<String> pg = MigrationFiles.fromDirectory(base.resolve("postgresql")).stream().map(m -> m.fileName()).toList();
        assertEquals(sqlite, pg, "every SQLite migration has its PostgreSQL translation under the same number and name");
    }

    @Test
    void migrationsApplyOnceAndReopenCleanly() {
        PgStore.open(db.address(), true).close();
        long applied = db.longValue("SELECT count(*) FROM schema_migrations");
        assertEquals(MigrationFiles.bundled(PgMigrator.LOCATION).size(), applied);
        assertEquals(PgStore.bundledSchemaVersion(), db.longValue("SELECT max(version) FROM schema_migrations"));
        db.seed(3);
        PgStore.open(db.address(), false).close();
        assertEquals(applied, db.longValue("SELECT count(*) FROM schema_migrations"));
        assertEquals(3, db.longValue("SELECT count(*) FROM comments"), "reopening keeps the data");
    }

    @Test
    void checksumsAreTheSqliteRule() {
        PgStore.open(db.address(), true).close();
        String recorded = db.stringValue("SELECT checksum FROM schema_migrations WHERE version = 1");
        String expected = MigrationFiles.bundled(PgMigrator.LOCATION).get(0).checksum();
        assertEquals(expected, recorded);
        assertEquals(64, recorded.length());
    }

    @Test
    void anEditedMigrationIsRefused() {
        PgStore.open(db.address(), true).close();
        db.sql("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1");
        SchemaException e = assertThrows(SchemaException.class, () -> PgStore.open(db.address(), false));
        assertTrue(e.getMessage().contains("V001__initial_schema.sql was edited after it was applied"), e.getMessage());
    }

    @Test
    void aSchemaFromANewerModqIsRefusedAndNothingChanges() {
        PgStore.open(db.address(), true).close();
        db.sql("INSERT INTO schema_migrations VALUES (999, 'V999__future.sql', 'x', 0)");
        SchemaException e = assertThrows(SchemaException.class, () -> PgStore.open(db.address(), true));
        assertTrue(e.getMessage().contains("has schema V999, newer than this modq"), e.getMessage());
        assertEquals(1, db.longValue("SELECT count(*) FROM schema_migrations WHERE version = 999"));
    }

    @Test
    void aDatabaseOfAnotherProgramIsRefusedUntouched() {
        db.sql("CREATE TABLE wp_comments (comment_ID bigint PRIMARY KEY)");
        StoreException e = assertThrows(StoreException.class, () -> PgStore.open(db.address(), true));
        assertTrue(e.getMessage().contains("is a PostgreSQL database but not a modq database"), e.getMessage());
        assertEquals(1, db.longValue("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    @Test
    void anEmptyDatabaseIsOnlyMadeModqsByInit() {
        StoreException e = assertThrows(StoreException.class, () -> PgStore.open(db.address(), false));
        assertTrue(e.getMessage().contains("has no modq schema yet: run `modq init"), e.getMessage());
        assertEquals(0, db.longValue("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    @Test
    void twoInitsAtOnceApplyEachMigrationOnce() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try {
                    PgStore.open(db.address(), true).close();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures.stream().map(Throwable::getMessage).collect(Collectors.toList()));
        assertEquals(MigrationFiles.bundled(PgMigrator.LOCATION).size(),
                db.longValue("SELECT count(*) FROM schema_migrations"));
    }
}
