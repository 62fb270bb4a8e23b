package dev.modq.cli;

import dev.modq.core.SshPublicKeyTest;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ModeratorKeyCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void setUp() {
        db = backend.fresh(dir, "c.db");
        db.create().close();
    }

    CliRun run(String stdin, String... args) {
        return CliRun.onDb(db.address(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, args);
    }

    @Test
    void addListRemoveEachAuditedLikeARosterChange() throws Exception {
        Path pub = Files.writeString(dir.resolve("alice.pub"), SshPublicKeyTest.ALICE + "\n");
        CliRun added = run("", "moderator", "key", "add", "alice", pub.toString());
        assertEquals(0, added.code(), added.toString());
        assertTrue(added.err().contains(SshPublicKeyTest.ALICE_FP), added.toString());
        CliRun list = run("", "moderator", "key", "list", "--format", "json");
        assertTrue(list.out().contains("\"fingerprint\":\"" + SshPublicKeyTest.ALICE_FP + "\"")
                && list.out().contains("\"comment\":\"alice@laptop\""), list.toString());
        CliRun removed = run("", "moderator", "key", "remove", SshPublicKeyTest.ALICE_FP);
        assertEquals(0, removed.code(), removed.toString());
        assertEquals("", run("", "moderator", "key", "list").out());
        assertEquals("moderator_key_add,alice|moderator_key_remove,alice", String.join("|",
                db.rows("SELECT action, subject FROM audit_log ORDER BY id")).replace("|alice", ",alice"));
        assertEquals(0, run("", "log", "--verify").code());
    }

    @Test
    void badInputIsOneLineAndChangesNothing() {
        CliRun malformed = run("ssh-ed25519 not-base64!!\n", "moderator", "key", "add", "alice", "-");
        assertEquals(2, malformed.code(), malformed.toString());
        assertEquals(1, malformed.err().strip().lines().count(), malformed.toString());
        CliRun missing = run("", "moderator", "key", "add", "alice", dir.resolve("nope.pub").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.toString());
        assertEquals(0, run(SshPublicKeyTest.ALICE, "moderator", "key", "add", "alice", "-").code());
        CliRun duplicate = run(SshPublicKeyTest.ALICE, "moderator", "key", "add", "bob", "-");
        assertEquals(2, duplicate.code(), duplicate.toString());
        assertTrue(duplicate.err().contains("already on the roster, for alice"), duplicate.toString());
        CliRun unknown = run(SshPublicKeyTest.ALICE, "moderator", "key", "add", "zed", "-");
        assertTrue(unknown.code() != 0 && unknown.err().contains("no moderator named 'zed'"), unknown.toString());
        assertEquals(1, db.longValue("SELECT count(*) FROM moderator_keys"));
        assertEquals(1, db.longValue("SELECT count(*) FROM audit_log"));
        CliRun badFingerprint = run("", "moderator", "key", "remove", "alice");
        assertEquals(2, badFingerprint.code(), badFingerprint.toString());
    }
}
