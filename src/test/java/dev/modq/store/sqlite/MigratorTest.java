package dev.modq.store.sqlite;

import dev.modq.store.OpenMode;
import dev.modq.store.SchemaException;
import dev.modq.store.StoreException;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigratorTest {

    @TempDir
    Path dir;

    @Test
    void migrationsApplyOnceAndReopenCleanly() {
        Path db = dir.resolve("m.db");
        SqliteStore.open(db, OpenMode.CREATE).close();
        long applied = TestDb.longValue(db, "SELECT count(*) FROM schema_migrations");
        assertEquals(MigrationSource.bundled().size(), applied, "every bundled migration (numbers may have gaps"
                + " while parallel branches merge)");
        assertEquals(SqliteStore.bundledSchemaVersion(), TestDb.longValue(db, "SELECT max(version) FROM schema_migrations"));
        TestDb.seed(db, 3);
        SqliteStore.open(db, OpenMode.EXISTING).close();
        assertEquals(applied, TestDb.longValue(db, "SELECT count(*) FROM schema_migrations"));
        assertEquals(3, TestDb.longValue(db, "SELECT count(*) FROM comments"), "reopening keeps the data");
    }

    @Test
    void everyConnectionUsesWalAndForeignKeys() {
        Path db = dir.resolve("p.db");
        try (SqliteStore store = SqliteStore.open(db, OpenMode.CREATE)) {
            assertEquals("wal", store.sql("t", () -> pragma(store, "journal_mode")));
            assertEquals("1", store.sql("t", () -> pragma(store, "foreign_keys")));
            assertEquals("2", store.sql("t", () -> pragma(store, "synchronous")), "FULL");
            assertEquals("5000", store.sql("t", () -> pragma(store, "busy_timeout")));
        }
    }

    private static String pragma(SqliteStore store, String name) throws java.sql.SQLException {
        try (var st = store.rawConnection().createStatement(); var rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void v004LowerCasesKnownReasonsWithoutBumpingVersionsOrTouchingTheAuditLog() {
        Path db = dir.resolve("reasons.db");
        SqliteStore.open(db, OpenMode.CREATE).close();
        TestDb.seed(db, 4);
        // the database as an older modq left it: V004 not applied, reasons as typed
        TestDb.sql(db, "DELETE FROM schema_migrations WHERE version = 4");
        TestDb.sql(db, "UPDATE comments SET status = 'rejected', reason = CASE id WHEN 1 THEN 'SPAM' WHEN 2 THEN 'Off-Topic'"
                + " WHEN 3 THEN 'Posted By Bot' ELSE NULL END, version = 7");
        SqliteStore.open(db, OpenMode.EXISTING).close();
        assertEquals("spam|off-topic|Posted By Bot|-", TestDb.stringValue(db,
                "SELECT group_concat(coalesce(reason, '-'), '|') FROM (SELECT reason FROM comments ORDER BY id)"));
        assertEquals(4, TestDb.longValue(db, "SELECT count(*) FROM comments WHERE version = 7"), "versions kept");
        // (not the body: V005's rescore-on-edit trigger would fire V004's form of the version trigger a second time)
        TestDb.sql(db, "UPDATE comments SET author_name = 'edited' WHERE id = 1");
        assertEquals(8, TestDb.longValue(db, "SELECT version FROM comments WHERE id = 1"), "the version trigger is back");
    }

    @Test
    void anEditedMigrationIsDetected() {
        Path db = dir.resolve("edited.db");
        SqliteStore.open(db, OpenMode.CREATE).close();
        TestDb.sql(db, "UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1");
        SchemaException e = assertThrows(SchemaException.class, () -> SqliteStore.open(db, OpenMode.EXISTING));
        assertTrue(e.getMessage().contains("V001__initial_schema.sql was edited"), e.getMessage());
    }

    @Test
    void aDatabaseFromANewerModqIsRefused() {
        Path db = dir.resolve("newer.db");
        SqliteStore.open(db, OpenMode.CREATE).close();
        TestDb.sql(db, "INSERT INTO schema_migrations VALUES (999, 'V999__future.sql', 'x', 0)");
        SchemaException e = assertThrows(SchemaException.class, () -> SqliteStore.open(db, OpenMode.EXISTING));
        assertTrue(e.getMessage().contains("V999, newer than this modq"), e.getMessage());
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws Exception {
        Path notDb = dir.resolve("notes.txt");
        Files.writeString(notDb, "hello, this is not a database at all");
        byte[] before = Files.readAllBytes(notDb);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(notDb, OpenMode.CREATE));
        assertTrue(e.getMessage().contains("is not a SQLite database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(notDb));
        assertFalse(Files.exists(Path.of(notDb + "-wal")));
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefused() {
        Path foreign = dir.resolve("other.db");
        TestDb.sql(foreign, "CREATE TABLE things (x)");
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(foreign, OpenMode.CREATE));
        assertTrue(e.getMessage().contains("not a modq database"), e.getMessage());
        assertEquals(0, TestDb.longValue(foreign, "SELECT count(*) FROM sqlite_schema WHERE name = 'comments'"));
    }

    @Test
    void aMissingDirectoryOrDatabaseGetsOneClearLine() {
        StoreException noDir = assertThrows(StoreException.class,
                () -> SqliteStore.open(dir.resolve("nope/x.db"), OpenMode.CREATE));
        assertTrue(noDir.getMessage().contains("does not exist"), noDir.getMessage());
        StoreException noDb = assertThrows(StoreException.class,
                () -> SqliteStore.open(dir.resolve("missing.db"), OpenMode.EXISTING));
        assertTrue(noDb.getMessage().contains("modq init"), noDb.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.db")), "EXISTING mode never creates a file");
    }

    @Test
    void aNewDatabaseIsReadableByItsOwnerOnly() throws Exception {
        Path db = dir.resolve("private.db");
        SqliteStore.open(db, OpenMode.CREATE).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void upgradingFromV001KeepsEveryAuditRowAndTheAppendOnlyGuardsAndAllowsPending() throws Exception {
        Path db = dir.resolve("v001.db");
        try (Connection c = TestDb.connect(db)) {
            new Migrator(MigrationSource.bundled().stream().filter(m -> m.version() == 1).toList()).migrate(c, "v001.db", true);
        }
        TestDb.sql(db, "INSERT INTO posts (id, title) VALUES (1, 'p')");
        TestDb.sql(db, "INSERT INTO comments (id, post_id, author_name, body, created_at, status) VALUES (1, 1, 'a', 'b', 0, 'rejected')");
        TestDb.sql(db, "INSERT INTO audit_log VALUES (1, 10, 'ann', 1, 'reject', 'pending', 'rejected', 'spam', NULL, 'n',"
                + " 'b1', NULL, 1, 'h0', 'h1'), (2, 11, 'ann', 1, 'undo', 'rejected', 'pending', NULL, 'spam', NULL,"
                + " 'b2', 1, 2, 'h1', 'h2')");
        String rows = "SELECT group_concat(id || at || moderator || comment_id || action || from_status || to_status"
                + " || coalesce(reason, '-') || coalesce(from_reason, '-') || coalesce(note, '-') || batch_id"
                + " || coalesce(undo_of, '-') || version_after || prev_hash || hash, '|') FROM audit_log";
        String before = TestDb.stringValue(db, rows);
        SqliteStore.open(db, OpenMode.EXISTING).close();  // applies V002 and later
        assertEquals(before, TestDb.stringValue(db, rows));
        assertThrows(RuntimeException.class, () -> TestDb.sql(db, "UPDATE audit_log SET note = 'x'"));
        assertThrows(RuntimeException.class, () -> TestDb.sql(db, "DELETE FROM audit_log"));
        TestDb.sql(db, "INSERT INTO audit_log (id, at, moderator, comment_id, action, from_status, to_status, batch_id,"
                + " version_after, prev_hash, hash) VALUES (3, 12, 'ann', 1, 'pending', 'rejected', 'pending', 'b3', 3, 'h2', 'h3')");
        String table = TestDb.stringValue(db, "SELECT sql FROM sqlite_master WHERE name = 'audit_log'");
        assertFalse(table.contains("audit_log_v2"), "undo_of refers to the renamed table: " + table);
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM pragma_foreign_key_check"));
    }
}
