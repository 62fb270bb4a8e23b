package dev.modq.store;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one factory: the address alone picks the backend. */
class StoresTest {

    @TempDir
    Path dir;

    @Test
    void aFilePathOpensSqliteAndCreatesOnlyWhenAsked() {
        Path db = dir.resolve("q.db");
        assertThrows(StoreException.class, () -> Stores.open(db.toString(), OpenOptions.existing()));
        assertFalse(Files.exists(db));
        try (Store store = Stores.open(db.toString(), OpenOptions.create())) {
            assertEquals(db.toString(), store.address());
            assertEquals("q.db", store.shortName());
            assertEquals(Stores.bundledSchemaVersion(), store.schemaVersion());
            assertTrue(store.writable());
        }
        try (Store store = Stores.open(db.toString(), OpenOptions.readOnlyExisting())) {
            assertFalse(store.writable());
        }
    }

    @Test
    void addressesWithASchemeAreNeverFiles() {
        assertTrue(Stores.isServerAddress("postgresql://modq@db.internal/comments"));
        assertTrue(Stores.isServerAddress("postgres://db/comments"));
        assertTrue(Stores.isServerAddress("jdbc:postgresql://db/comments"));
        assertFalse(Stores.isServerAddress("/srv/comments.db"));
        assertFalse(Stores.isServerAddress("comments.db"));
        assertFalse(Stores.isServerAddress("odd:name.db"));
        assertNull(Stores.fileOf("postgresql://db/comments"));
        assertEquals(Path.of("/srv/c.db"), Stores.fileOf("/srv/c.db"));
    }

    @Test
    void anAddressOfAnUnknownKindIsOneClearUsageError() {
        StoreAddressException e = assertThrows(StoreAddressException.class,
                () -> Stores.open("mysql://modq:secret@db.internal/comments", OpenOptions.existing()));
        assertTrue(e.getMessage().startsWith("unknown kind of database address 'mysql://modq:***@db.internal/comments'"),
                e.getMessage());
    }

    @Test
    void theCommandLineSaysItInOneLineWithExit2() {
        CliRun run = CliRun.run("--db", "mysql://modq:secret@db.internal/comments", "count");
        assertEquals(2, run.code(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().contains("unknown kind of database address") && !run.err().contains("secret"),
                run.toString());
        assertEquals("", run.out());
    }

    @Test
    void anUnreachablePostgresqlServerIsOneLineWithoutThePassword() {
        CliRun run = CliRun.run("--db", "postgresql://modq:secret@127.0.0.1:1/comments", "count");
        assertEquals(1, run.code(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().contains("127.0.0.1:1") && !run.err().contains("secret"), run.toString());
        assertEquals("", run.out());
    }

    @Test
    void passwordsAreRedactedFromAddresses() {
        assertEquals("postgresql://u:***@h/db", Stores.redact("postgresql://u:pw@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Stores.redact("jdbc:postgresql://h/db?user=u&password=pw&ssl=true"));
        assertEquals("postgresql://u@h/db", Stores.redact("postgresql://u@h/db"));
        assertEquals("/srv/a:b@c.db", Stores.redact("/srv/a:b@c.db"));
    }
}
