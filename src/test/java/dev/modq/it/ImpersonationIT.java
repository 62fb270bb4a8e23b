package dev.modq.it;

import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 5: the packaged modq in a child JVM started with {@code -Duser.name=alice} (what MODQ_JAVA_OPTS or
 * JAVA_TOOL_OPTIONS let anyone do) still acts as the operating-system user running it.
 */
class ImpersonationIT {

    Path dir;
    Path db;
    String me;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("modq-spoof");
        db = dir.resolve("q.db");
        TestDb.create(db).close();
        TestDb.seed(db, 5);
        me = new com.sun.security.auth.module.UnixSystem().getUsername();
        // alice is the admin; the account running the tests is only a viewer
        TestDb.sql(db, "UPDATE moderators SET role = 'admin' WHERE name = 'alice'");
        TestDb.sql(db, "UPDATE moderators SET role = 'viewer' WHERE name = '" + me + "'");
    }

    @AfterEach
    void tearDown() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private String[] run(String name, String... args) throws Exception {
        Process p = ChildJvm.start(List.of(), List.of("-Duser.name=alice"), List.of(args), dir, name);
        int code = p.waitFor();
        return new String[]{String.valueOf(code), ChildJvm.read(dir, name, "err")};
    }

    @Test
    void aViewerCannotBecomeTheAdminBySettingUserName() throws Exception {
        String[] add = run("add", "moderator", "add", "mallory", "--role", "admin", "--db", db.toString());
        assertEquals("1", add[0], add[1]);
        assertEquals("modq: only admins may change the roster; " + me + " is a viewer (ask an admin)\n", add[1]);
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM moderators WHERE name = 'mallory'"));

        String[] approve = run("approve", "approve", "1", "--db", db.toString());
        assertEquals("1", approve[0], approve[1]);
        assertTrue(approve[1].startsWith("modq: " + me + " is a viewer and may only browse"), approve[1]);
        assertEquals("pending", TestDb.stringValue(db, "SELECT status FROM comments WHERE id = 1"));
    }

    @Test
    void decisionsAreRecordedUnderTheRealUserWhateverUserNameSays() throws Exception {
        TestDb.sql(db, "UPDATE moderators SET role = 'moderator' WHERE name = '" + me + "'");
        String[] approve = run("approve", "approve", "2", "--db", db.toString());
        assertEquals("0", approve[0], approve[1]);
        assertEquals(me + "|" + me, TestDb.stringValue(db, "SELECT moderator || '|' || actor FROM audit_log"));
    }
}
