package dev.modq.it;

import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real file permissions: tests run as root in CI, where permissions do not stop writes, so the moderator here is a
 * child JVM running as {@code nobody} via {@code setpriv}. Skipped when not root or without setpriv.
 */
class ReadOnlyAccessIT {

    static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    Path dir;
    Path db;
    Path logs;
    Path jarDir;
    Path jar;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        dir = Files.createTempDirectory("modq-ro");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        logs = Files.createTempDirectory("modq-ro-logs");
        // the build directory may sit under a directory only root can enter (a mktemp -d clone): give nobody a copy
        jarDir = Files.createTempDirectory("modq-ro-jar");
        Files.setPosixFilePermissions(jarDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.copy(ChildJvm.jar(), jarDir.resolve("modq.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        db = dir.resolve("q.db");
        TestDb.create(db).close();
        TestDb.seed(db, 5);
        assertEquals(0, CliRun.run("moderator", "add", "nobody", "--role", "admin", "--db", db.toString()).code());
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Path p : new Path[]{dir, logs, jarDir}) {
            if (p != null) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private Result asNobody(String name, String... args) throws Exception {
        Process p = ChildJvm.start(jar, AS_NOBODY, List.of("-Duser.home=/tmp", "-Duser.name=nobody"), List.of(args), logs, name);
        int code = p.waitFor();
        return new Result(code, ChildJvm.read(logs, name, "out"), ChildJvm.read(logs, name, "err"));
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void aReadOnlyModeratorBrowsesWhileTheDatabaseIsOpenAndIsToldWhyWritesAreRefused() throws Exception {
        // no one has the WAL database open: no -shm file, and nobody may not create one in the directory
        Result closed = asNobody("closed", "moderator", "list", "--db", db.toString());
        assertEquals(1, closed.code(), closed.toString());
        assertEquals(1, closed.err().lines().count(), closed.err());
        assertTrue(closed.err().startsWith("modq: cannot open " + db + " read-only: SQLite must create q.db-shm beside it"),
                closed.err());

        // while another moderator has it open, the -shm exists and a read-only user can browse
        try (SqliteStore open = SqliteStore.open(db, dev.modq.store.OpenMode.EXISTING)) {
            open.countsByStatus();
            Result list = asNobody("list", "moderator", "list", "--db", db.toString());
            assertEquals(0, list.code(), list.toString());
            assertTrue(list.out().contains("nobody"), list.out());

            Result add = asNobody("add", "moderator", "add", "zed", "--db", db.toString());
            assertEquals(1, add.code(), add.toString());
            assertEquals(1, add.err().lines().count(), add.err());
            assertTrue(add.err().contains("is read-only for you, so adding moderator zed is not possible: you can browse"),
                    add.err());
        }
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM moderators WHERE name = 'zed'"));
    }

    @Test
    void theTeamSetUpFromTheDocsLetsAnotherAccountWrite() throws Exception {
        // docs/team-setup.md: init --group, then a group-writable setgid directory
        CliRun init = CliRun.run("init", "--db", db.toString(), "--group", "nogroup");
        assertEquals(0, init.code(), init.toString());
        Files.setAttribute(dir, "unix:gid", 65534);
        Files.setAttribute(dir, "unix:mode", 02770);
        Result add = asNobody("team", "moderator", "add", "zed", "--db", db.toString());
        assertEquals(0, add.code(), add.toString());
        assertEquals(1, TestDb.longValue(db, "SELECT count(*) FROM moderators WHERE name = 'zed'"));
    }

    @Test
    void aUserOutsideTheGroupIsToldAboutTheGroupNotToRunInit() throws Exception {
        // docs/team-setup.md's directory, but nobody is not in its group (root here)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx---"));
        Result list = asNobody("outside", "list", "--db", db.toString());
        assertEquals(1, list.code(), list.toString());
        assertEquals("modq: cannot reach " + db + ": directory " + dir + " is closed to you (owner root, group root,"
                + " rwxrwx---); to moderate there, ask an admin to add you to group root and log in again"
                + " (docs/team-setup.md)\n", list.err());

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw----"));
        Result unreadable = asNobody("unreadable", "list", "--db", db.toString());
        assertEquals(1, unreadable.code(), unreadable.toString());
        assertTrue(unreadable.err().startsWith("modq: cannot read " + db + ": permission denied (owner root, group root,"
                + " rw-rw----); ask its owner for access, e.g. membership of group root"), unreadable.err());
    }
}
