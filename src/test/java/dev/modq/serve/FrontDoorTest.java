package dev.modq.serve;

import dev.modq.tui.lanterna.RemoteQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontDoorTest {

    @TempDir
    Path dir;

    /** A backend that knows nobody and counts the change watcher's polls. */
    static class Nobody implements Backend {
        final AtomicInteger polls = new AtomicInteger();

        public Caller identify(String fingerprint, String address) {
            return new Caller(null, fingerprint, address, "modq: unknown");
        }

        public int exec(Caller c, List<String> w, InputStream in, OutputStream out, OutputStream err) {
            return 0;
        }

        public String queue(Caller c, RemoteQueue q, ChangeWatcher changes) {
            return "quit";
        }

        public long started(Caller c, String kind, String command) {
            return 0;
        }

        public void ended(long id, Integer exitStatus, String ending) {
        }

        public long dataVersion() {
            return polls.incrementAndGet();
        }
    }

    static ServeConfig config(int port) {
        return new ServeConfig("127.0.0.1", port, 4, 2, 3, Duration.ofMinutes(1), Duration.ofMinutes(5), 1024, 10);
    }

    @Test
    void aPortInUseIsOneLineNamingTheWayOut() throws Exception {
        HostKey key = HostKey.loadOrCreate(dir);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServeException e = assertThrows(ServeException.class, () -> FrontDoor.start(config(taken.getLocalPort()), key,
                    new Nobody(), new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    && e.getMessage().contains("--listen"), e.getMessage());
        }
    }

    @Test
    void oneWatcherPollsForTheWholeServer() throws Exception {
        Nobody backend = new Nobody();
        try (FrontDoor door = FrontDoor.start(config(0), HostKey.loadOrCreate(dir), backend,
                new PrintStream(new ByteArrayOutputStream()))) {
            assertTrue(door.port() > 0);
            Thread.sleep(1_600);
            long polls = door.changes().polls();
            assertTrue(polls >= 2 && polls <= 4, "polls in 1.6 s at 500 ms: " + polls);
            assertEquals(polls + 1, backend.polls.get(), "one read at start, then one per poll");
        }
    }

    @Test
    void limitsAreCheckedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new ServeConfig("127.0.0.1", 70000, 1, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, 1));
        assertTrue(e.getMessage().contains("70000"));
        assertThrows(IllegalArgumentException.class, () ->
                new ServeConfig("127.0.0.1", 2222, 0, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, 1));
        assertTrue(new ServeConfig("0.0.0.0", 2222, 1, 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, 1)
                .exposed());
    }
}
