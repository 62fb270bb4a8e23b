package dev.modq.serve;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refused keys count against their address (past the limit it is turned down), and a crashing session harms no other. */
class GateAndIsolationTest {

    @TempDir
    Path dir;

    @Test
    void afterTheLimitOfRefusedKeysAnAddressIsTurnedDown() throws Exception {
        FrontDoorTest.Nobody backend = new FrontDoorTest.Nobody();
        ServeConfig config = new ServeConfig("127.0.0.1", 0, 4, 2, 2, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 1024, 10);
        KeyPair stranger = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        try (FrontDoor door = FrontDoor.start(config, HostKey.loadOrCreate(dir), backend,
                new PrintStream(new ByteArrayOutputStream()));
             SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            for (int i = 0; i < 2; i++) {
                assertEquals("modq: unknown", exec(client, door.port(), stranger), "attempt " + (i + 1));
            }
            ClientSession s = client.connect("x", "127.0.0.1", door.port()).verify(Duration.ofSeconds(10)).getSession();
            s.addPublicKeyIdentity(stranger);
            assertThrows(Exception.class, () -> s.auth().verify(Duration.ofSeconds(10)), "the third is turned down");
            s.close();
        }
    }

    @Test
    void aSessionThatCrashesHarmsNoOther() throws Exception {
        FrontDoorTest.Nobody known = new FrontDoorTest.Nobody() {
            @Override
            public Caller identify(String fingerprint, String address) {
                return new Caller("alice", fingerprint, address, null);
            }

            @Override
            public int exec(Caller c, List<String> words, java.io.InputStream in, java.io.OutputStream out,
                            java.io.OutputStream err) {
                if (words.get(0).equals("crash")) {
                    throw new IllegalStateException("boom");
                }
                return 0;
            }
        };
        ServeConfig config = new ServeConfig("127.0.0.1", 0, 4, 4, 2, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 1024, 10);
        KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (FrontDoor door = FrontDoor.start(config, HostKey.loadOrCreate(dir), known, new PrintStream(log, true));
             SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            String said = exec(client, door.port(), key, "crash", 1);
            assertTrue(said.contains("this session failed on the server (IllegalStateException)"), said);
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("failed: java.lang.IllegalStateException: boom"));
            assertEquals("", exec(client, door.port(), key, "count", 0), "the next session runs as usual");
            assertEquals(0, door.openSessions());
        }
    }

    private static String exec(SshClient client, int port, KeyPair key) throws Exception {
        return exec(client, port, key, "count", 1);
    }

    /** What the server says on stderr to an exec request made with {@code key}. */
    private static String exec(SshClient client, int port, KeyPair key, String command, int status) throws Exception {
        try (ClientSession s = client.connect("x", "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
            s.addPublicKeyIdentity(key);
            s.auth().verify(Duration.ofSeconds(10));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec ch = s.createExecChannel(command)) {
                ch.setErr(err);
                ch.setOut(new ByteArrayOutputStream());
                ch.open().verify(Duration.ofSeconds(10));
                ch.waitFor(List.of(ClientChannelEvent.CLOSED), 10_000);
                assertEquals(status, ch.getExitStatus());
            }
            return err.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
