package dev.modq.cli;

import dev.modq.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 11 item 20: with neither --db nor MODQ_DB (ssh -t host modq skips /etc/profile.d), say so. */
class DatabasePathTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDefaultDatabaseNamesMissingSettingsNotAMissingDirectory() {
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.toString());
        StoreException e = assertThrows(StoreException.class, () -> DatabasePath.resolveExisting(null, env));
        assertEquals("no database given and none at the default " + dir.resolve("modq/modq.db") + ": pass --db PATH"
                + " or set MODQ_DB (a non-login shell such as `ssh -t host modq` does not read /etc/profile.d: use --db,"
                + " or set MODQ_DB in ~/.bashrc), or create your own with `modq init`", e.getMessage());
    }

    @Test
    void givenPathsAndAnExistingDefaultAreLeftToTheStore() throws Exception {
        Path given = dir.resolve("nowhere/q.db");
        assertEquals(given.toString(), DatabasePath.resolveExisting(given.toString(), Map.of()));
        assertEquals(given.toString(), DatabasePath.resolveExisting(null, Map.of("MODQ_DB", given.toString())));
        Path def = Files.createDirectories(dir.resolve("modq")).resolve("modq.db");
        Files.createFile(def);
        assertEquals(def.toString(), DatabasePath.resolveExisting(null, Map.of("XDG_DATA_HOME", dir.toString())));
    }

    @Test
    void aServerAddressIsKeptWhole() {
        String url = "postgresql://modq@db.internal/comments";
        assertEquals(url, DatabasePath.resolveExisting(url, Map.of()));
        assertEquals(url, DatabasePath.resolveExisting(null, Map.of("MODQ_DB", url)));
    }
}
