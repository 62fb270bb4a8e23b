package dev.modq.cli;

import dev.modq.service.Actors;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class InitAndModeratorCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void initCreatesADatabaseAndMakesTheUserItsFirstAdmin() {
        TestDatabase db = backend.fresh(dir, "new.db");
        CliRun r = run("init", "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("is its first admin"), r.err());
        assertEquals("admin", db.stringValue("SELECT role FROM moderators WHERE name = '" + Actors.osUser() + "'"));
        CliRun again = run("init", "--db", db.toString());
        assertEquals(0, again.code());
        assertTrue(again.err().contains("is ready"), again.err());
        assertEquals(1, db.longValue("SELECT count(*) FROM moderators"));
    }

    @Test
    void badDatabasePathsGetOneLineAndANonZeroExitAndChangeNothing() throws Exception {
        TestStores.onlyOnSqlite(backend, "file paths");
        CliRun missingDir = run("init", "--db", dir.resolve("no/such/dir.db").toString());
        assertEquals(ExitCode.FAILURE, missingDir.code());
        assertEquals(1, missingDir.err().lines().count(), missingDir.err());
        assertTrue(missingDir.err().startsWith("modq: directory "), missingDir.err());

        Path text = dir.resolve("notes.db");
        Files.writeString(text, "not sqlite");
        CliRun notSqlite = run("moderator", "list", "--db", text.toString());
        assertEquals(ExitCode.FAILURE, notSqlite.code());
        assertEquals("modq: " + text + " is not a SQLite database: check the --db path", notSqlite.err().strip());
        assertArrayEquals("not sqlite".getBytes(), Files.readAllBytes(text));

        Path missing = dir.resolve("missing.db");
        CliRun noDb = run("moderator", "list", "--db", missing.toString());
        assertEquals(ExitCode.FAILURE, noDb.code());
        assertTrue(noDb.err().contains("modq init"), noDb.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aDatabaseFromANewerModqIsRefusedWithoutAStackTrace() {
        TestDatabase db = backend.fresh(dir, "future.db");
        assertEquals(0, run("init", "--db", db.toString()).code());
        db.sqls("INSERT INTO schema_migrations VALUES (999, 'V999__x.sql', 'x', 0)");
        CliRun r = run("moderator", "list", "--db", db.toString());
        assertEquals(ExitCode.FAILURE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("newer than this modq"), r.err());
        CliRun verbose = run("moderator", "list", "--db", db.toString(), "--verbose");
        assertTrue(verbose.err().contains("at dev.modq."), "stack trace only with --verbose");
    }

    @Test
    void adminsManageTheRosterAndOthersAreRefused() {
        TestDatabase db = backend.fresh(dir, "roster.db");
        run("init", "--db", db.toString());
        assertEquals(0, run("moderator", "add", "carol", "--db", db.toString()).code());
        assertEquals(0, run("moderator", "role", "carol", "viewer", "--db", db.toString()).code());
        CliRun list = run("moderator", "list", "--db", db.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("carol") && l.contains("viewer") && l.endsWith("active")),
                list.out());
        CliRun asCarol = run("moderator", "add", "dave", "--db", db.toString(), "--as", "carol");
        assertEquals(ExitCode.FAILURE, asCarol.code(), "acting as carol means carol's rights: a viewer may not add");
        assertTrue(asCarol.err().contains("only admins may change the roster"), asCarol.err());
        CliRun badRole = run("moderator", "add", "erin", "--role", "boss", "--db", db.toString());
        assertEquals(ExitCode.USAGE, badRole.code());
        assertTrue(badRole.err().contains("unknown role 'boss'"), badRole.err());
        assertEquals(0, run("moderator", "remove", "carol", "--db", db.toString()).code());
        assertEquals(1, db.longValue("SELECT disabled FROM moderators WHERE name = 'carol'"));
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        TestDatabase db = backend.fresh(dir, "g.db");
        assertEquals(0, run("--db", db.toString(), "init").code());
        assertEquals(0, run("moderator", "list", "--db", db.toString()).code());
        assertEquals(0, run("--db", db.toString(), "moderator", "list").code());
    }
}
