package dev.modq.cli;

import dev.modq.core.SshPublicKeyTest;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StorePool;
import dev.modq.store.Stores;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands as {@code modq serve} runs them for an SSH exec request: the key's moderator acts, the server's pooled
 * connections are used, and nothing the client names may reach a file on the server.
 */
class ServeRemoteCommandsTest {

    @TempDir
    Path dir;
    Path db;
    Store main;
    StorePool pool;

    @BeforeEach
    void setUp() {
        db = dir.resolve("comments.db");
        TestDb.create(db).close();
        TestDb.seed(db, 30);
        main = Stores.open(db.toString(), OpenOptions.of(OpenMode.EXISTING));
        pool = new StorePool(main, 3, 5_000);
    }

    @AfterEach
    void tearDown() {
        pool.close();
        main.close();
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Run as(String moderator, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Remote remote = new Remote(moderator, "SHA256:key-of-" + moderator, "192.0.2.7:50000", pool);
        int code = Cli.runRemote(remote, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDecisionLandsAsTheKeysModeratorWithTheKeyAsActor() {
        Run r = as("alice", "", "approve", "1");
        assertEquals(0, r.code(), r.toString());
        assertEquals("alice", TestDb.stringValue(db, "SELECT moderator FROM audit_log WHERE comment_id = 1"));
        assertEquals("ssh:SHA256:key-of-alice", TestDb.stringValue(db, "SELECT actor FROM audit_log WHERE comment_id = 1"));
    }

    @Test
    void theExecPipelineReadsIdsOnStdinWithTheLocalExitCodes() {
        Run ids = as("alice", "", "list", "--format", "ids", "--limit", "3");
        assertEquals("1\n2\n3\n", ids.out(), ids.toString());
        Run rejected = as("bob", ids.out(), "reject", "-", "--reason", "spam");
        assertEquals(0, rejected.code(), rejected.toString());
        assertEquals(3, TestDb.longValue(db, "SELECT count(*) FROM comments WHERE status = 'rejected' AND reason = 'spam'"));
        assertEquals(3, as("bob", "4 999\n", "reject", "-").code(), "a missing id is a partial result");
        assertEquals(2, as("bob", "", "list", "--bogus").code());
        assertEquals(2, as("bob", "x\n", "reject", "-").code(), "an unreadable stdin line is a usage error");
    }

    @Test
    void dbIsRefusedInEveryForm() {
        for (String[] args : new String[][] {{"--db", "/etc/passwd", "count"}, {"count", "--db=/tmp/other.db"},
                {"count", "--db", db.toString()}}) {
            Run r = as("alice", "", args);
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().contains("--db is not available over SSH"), r.toString());
            assertEquals("", r.out());
        }
    }

    @Test
    void nothingReadsOrWritesAFileTheClientNames() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.jsonl"), "{\"id\":1}\n");
        Run imp = as("alice", "", "import", secret.toString());
        assertEquals(2, imp.code(), imp.toString());
        assertTrue(imp.err().contains("only - (stdin)"), imp.toString());
        Path backup = dir.resolve("copy.db");
        assertEquals(2, as("alice", "", "backup", backup.toString()).code());
        assertFalse(Files.exists(backup));
        assertEquals(2, as("alice", "", "init").code());
        assertEquals(2, as("alice", "", "demo", "--no-open").code());
        assertEquals(2, as("alice", "", "check").code());
        assertEquals(2, as("alice", "", "serve").code());
        Path copy = dir.resolve("stolen.db");
        assertEquals(2, as("alice", "", "copy", db.toString(), copy.toString()).code());
        assertFalse(Files.exists(copy));
        Run unknown = as("alice", "", "frobnicate", "/etc/passwd");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("'frobnicate' is not available over SSH"), unknown.toString());
        String admin = Actors.osUser();
        Path keyFile = Files.writeString(dir.resolve("k.pub"), SshPublicKeyTest.ALICE + "\n");
        Run keyFromFile = as(admin, "", "moderator", "key", "add", "alice", keyFile.toString());
        assertEquals(2, keyFromFile.code(), keyFromFile.toString());
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM moderator_keys"));
    }

    @Test
    void asIsForAdminsOnly() {
        Run refused = as("alice", "", "--as", "bob", "approve", "5");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("only admins may act as someone else"), refused.toString());
        Run admin = as(Actors.osUser(), "", "--as", "bob", "approve", "5");
        assertEquals(0, admin.code(), admin.toString());
        assertEquals("bob", TestDb.stringValue(db, "SELECT moderator FROM audit_log WHERE comment_id = 5"));
    }

    @Test
    void anAdminAddsAKeyFromStdinAndItIsAudited() {
        Run r = as(Actors.osUser(), SshPublicKeyTest.ALICE + "\n", "moderator", "key", "add", "alice", "-");
        assertEquals(0, r.code(), r.toString());
        assertEquals(SshPublicKeyTest.ALICE_FP, TestDb.stringValue(db, "SELECT fingerprint FROM moderator_keys"));
        assertEquals("moderator_key_add", TestDb.stringValue(db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"));
        Run notAdmin = as("bob", "", "moderator", "key", "remove", SshPublicKeyTest.ALICE_FP);
        assertEquals(1, notAdmin.code(), notAdmin.toString());
        assertEquals(1, TestDb.longValue(db, "SELECT count(*) FROM moderator_keys"));
    }

    @Test
    void everyCommandGivesItsConnectionBack() {
        for (int i = 0; i < 20; i++) {
            as("alice", "", i % 2 == 0 ? "count" : "list");
        }
        as("alice", "", "--db", "x", "count");
        as("nobody", "", "count");
        assertEquals(0, pool.leased());
        assertTrue(pool.opened() <= pool.max(), "opened " + pool.opened());
    }

    @Test
    void aRemovedModeratorsKeyActsForNobody() {
        CliRun.onDb(db, new ByteArrayInputStream(new byte[0]), null, "moderator", "remove", "bob");
        Run r = as("bob", "", "approve", "7");
        assertEquals(1, r.code(), r.toString());
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM audit_log WHERE comment_id = 7"));
    }

    @Test
    void triageCommandsRunOverSshButNeverTouchAFileOrAnEditorOnTheServer() throws Exception {
        String admin = Actors.osUser();
        Run list = as(admin, "", "rules", "list");
        assertEquals(0, list.code(), list.toString());
        Run added = as(admin, "rule casino\n  when text:casino\n  then reject spam\n", "rules", "import", "-");
        assertEquals(0, added.code(), added.toString());
        assertEquals(1, TestDb.longValue(db, "SELECT count(*) FROM rules"));
        Path rulesFile = Files.writeString(dir.resolve("rules.txt"), "");
        Run fromFile = as(admin, "", "rules", "import", rulesFile.toString());
        assertEquals(2, fromFile.code(), fromFile.toString());
        assertTrue(fromFile.err().contains("only - (stdin)"), fromFile.toString());
        Run edit = as(admin, "", "rules", "edit");
        assertEquals(2, edit.code(), edit.toString());
        assertTrue(edit.err().contains("rules export"), edit.toString());
        Run labelled = as(admin, "", "learn", "--evaluate", "--labelled", rulesFile.toString());
        assertEquals(2, labelled.code(), labelled.toString());
        Run dry = as(admin, "", "auto", "--dry-run");
        assertEquals(0, dry.code(), dry.toString());
    }
}
