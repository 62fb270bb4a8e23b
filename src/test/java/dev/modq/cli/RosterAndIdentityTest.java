package dev.modq.cli;

import dev.modq.core.Role;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10 items 5, 6 and 12 on the command line: the roster's rules, its audit entries, and who really acted. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class RosterAndIdentityTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    private static void assertOneLine(CliRun r) {
        assertEquals(1, r.err().lines().count(), r.toString());
    }

    @Test
    void theLastAdminCannotDemoteOrRemoveThemselvesButCanOnceThereIsAnother() {
        CliFixture fx = CliFixture.small(backend, dir);
        String me = Actors.osUser();
        CliRun demote = fx.run("moderator", "role", me, "moderator");
        assertEquals(ExitCode.FAILURE, demote.code(), demote.toString());
        assertOneLine(demote);
        assertTrue(demote.err().contains("cannot make " + me + " a moderator: " + me + " is the last admin"), demote.err());
        assertEquals(ExitCode.USAGE, fx.run("moderator", "remove", me).code(), "never yourself");
        assertEquals("admin", fx.database.stringValue("SELECT role FROM moderators WHERE name = '" + me + "'"));

        assertEquals(0, fx.run("moderator", "add", "alice", "--role", "admin").code());
        CliRun nowOk = fx.run("moderator", "role", me, "viewer");
        assertEquals(0, nowOk.code(), nowOk.toString());
        CliRun aliceAlone = fx.run("--as", "alice", "moderator", "role", "alice", "moderator");
        assertEquals(ExitCode.FAILURE, aliceAlone.code(), "a viewer cannot act as alice; and alice is the last admin");
    }

    @Test
    void namesThatCouldNeverBeALoginAreRefusedWithOneLine() {
        CliFixture fx = CliFixture.small(backend, dir);
        for (String bad : List.of("", " ", "a b", "evil\u001b[2J", "two\nlines", ".hidden", "x".repeat(70))) {
            CliRun r = fx.run("moderator", "add", bad);
            assertEquals(ExitCode.USAGE, r.code(), bad + ": " + r);
            assertOneLine(r);
            assertTrue(r.err().startsWith("modq: invalid moderator name '"), r.err());
            assertTrue(!r.err().contains("\u001b"), "no raw escape reaches the terminal");
        }
        assertEquals(1, fx.scalar("SELECT count(*) FROM moderators"));
        CliRun auto = fx.run("moderator", "add", "auto");
        assertEquals(ExitCode.USAGE, auto.code(), "the automatic moderator's name is taken: " + auto);
        assertOneLine(auto);
        assertTrue(auto.err().contains("'auto' is the name modq auto decides under"), auto.err());
        assertEquals(1, fx.scalar("SELECT count(*) FROM moderators"));
        for (String good : List.of("alice", "bob.smith", "j_doe-2", "ann@corp.example", "svc$")) {
            assertEquals(0, fx.run("moderator", "add", good).code(), good);
        }
    }

    @Test
    void rosterChangesAreAuditedWithTheRealActorAndKeepTheChainIntact() {
        CliFixture fx = CliFixture.small(backend, dir);
        String me = Actors.osUser();
        fx.run("moderator", "add", "alice", "--role", "admin");
        fx.run("moderator", "add", "bob");
        fx.run("moderator", "role", "bob", "viewer");
        fx.run("--as", "alice", "moderator", "remove", "bob");
        CliRun log = fx.run("log", "--format", "csv", "--fields", "moderator,actor,action,subject,from_role,to_role,comment_id");
        assertEquals(0, log.code(), log.toString());
        assertEquals("moderator,actor,action,subject,from_role,to_role,comment_id\n"
                + me + "," + me + ",moderator_add,alice,,admin,\n"
                + me + "," + me + ",moderator_add,bob,,moderator,\n"
                + me + "," + me + ",moderator_role,bob,moderator,viewer,\n"
                + "alice," + me + ",moderator_remove,bob,viewer,,\n", log.out());
        assertEquals(0, fx.run("log", "--verify").code());
        assertEquals(0, fx.run("check").code(), fx.run("check").out());
    }

    @Test
    void aDecisionMadeWithAsRecordsWhoReallyActed() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.addModerator("alice", Role.MODERATOR);
        assertEquals(0, fx.run("--as", "alice", "approve", "1").code());
        assertEquals("alice|" + Actors.osUser() + "\n",
                fx.queryText("SELECT moderator || '|' || actor FROM audit_log WHERE comment_id = 1"));
    }

    @Test
    void theUserNamePropertyDoesNotChangeWhoActs() {
        CliFixture fx = CliFixture.small(backend, dir);
        String real = Actors.osUser();
        String saved = System.getProperty("user.name");
        System.setProperty("user.name", "mallory");
        try {
            assertEquals(real, dev.modq.service.OsUserProbe.lookUpAgain(), "the OS account, not the property");
            fx.run("approve", "1");
            assertEquals(real + "|" + real + "\n",
                    fx.queryText("SELECT moderator || '|' || actor FROM audit_log WHERE comment_id = 1"));
        } finally {
            System.setProperty("user.name", saved);
        }
    }

    @Test
    void readCommandsRefuseAnEmptyFileAndLeaveItEmpty() throws Exception {
        TestStores.onlyOnSqlite(backend, "an empty file");
        Path empty = Files.createFile(dir.resolve("empty.db"));
        for (String[] args : List.of(new String[]{"check"}, new String[]{"list"}, new String[]{"count"},
                new String[]{"log", "--verify"}, new String[]{"moderator", "list"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--db");
            all.add(empty.toString());
            CliRun r = CliRun.run(all.toArray(String[]::new));
            assertEquals(ExitCode.FAILURE, r.code(), all + ": " + r);
            assertEquals("modq: " + empty + " is empty, not a modq database: run `modq init --db " + empty
                    + "` to make it one, or check the --db path", r.err().strip(), all.toString());
            assertEquals(0, Files.size(empty), "nothing written");
            assertTrue(!Files.exists(Path.of(empty + "-wal")));
        }
        CliRun init = CliRun.run("init", "--db", empty.toString());
        assertEquals(0, init.code(), "init makes the empty file a database: " + init);
    }

    @Test
    void twoInitsOnOneNewPathBothSucceedAndMakeOneDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                TestDatabase db = backend.fresh(dir, "race" + round + ".db");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try (AppContext ctx = AppContext.open(db.address(), null, OpenMode.CREATE)) {
                            return "ok " + ctx.actor().role();
                        } catch (RuntimeException e) {
                            return "failed: " + e.getMessage();
                        }
                    }));
                }
                for (Future<String> run : runs) {
                    assertEquals("ok admin", run.get(), "round " + round);
                }
                assertEquals(1, db.longValue("SELECT count(*) FROM moderators"));
                // numbers are assigned per branch (V007 may land before V005): the newest applied, each once
                assertEquals((long) dev.modq.store.Stores.bundledSchemaVersion(), db.longValue("SELECT max(version) FROM schema_migrations"));
                assertEquals(db.longValue("SELECT count(DISTINCT version) FROM schema_migrations"),
                        db.longValue("SELECT count(*) FROM schema_migrations"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
