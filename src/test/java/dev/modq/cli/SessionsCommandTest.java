package dev.modq.cli;

import dev.modq.core.SshSession;
import dev.modq.store.AccessStore;
import dev.modq.store.Store;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class SessionsCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void showsWhoCameFromWhereWithWhichKeyForHowLongNewestFirst() {
        TestDatabase db = backend.fresh(dir, "c.db");
        try (Store store = db.create()) {
            AccessStore access = store.access();
            Instant t = Instant.parse("2026-12-01T09:00:00Z");
            long a = access.sessionStarted("alice", "SHA256:aaa", "192.0.2.1:5000", SshSession.QUEUE, null, t);
            access.sessionEnded(a, t.plusSeconds(75), null, "quit");
            long r = access.sessionStarted(null, "SHA256:zzz", "198.51.100.9:4000", SshSession.REFUSED, null, t.plusSeconds(80));
            access.sessionEnded(r, t.plusSeconds(80), 1, "refused");
            access.sessionStarted("bob", "SHA256:bbb", "192.0.2.2:5001", SshSession.EXEC, "list", t.plusSeconds(90));
            assertEquals(1, access.closeAbandonedSessions(t.plusSeconds(100), "server stopped"));
        }
        CliRun text = CliRun.onDb(db.address(), new ByteArrayInputStream(new byte[0]), null, "sessions");
        assertEquals(0, text.code(), text.toString());
        String[] lines = text.out().split("\n");
        assertEquals(3, lines.length, text.out());
        assertTrue(lines[0].contains("bob") && lines[0].contains("exec") && lines[0].contains("server stopped"), lines[0]);
        assertTrue(lines[1].contains("-") && lines[1].contains("refused") && lines[1].contains("SHA256:zzz"), lines[1]);
        assertTrue(lines[2].contains("alice") && lines[2].contains("1m15s") && lines[2].contains("quit"), lines[2]);
        CliRun json = CliRun.onDb(db.address(), new ByteArrayInputStream(new byte[0]), null, "sessions", "--moderator", "alice",
                "--format", "json");
        assertEquals("{\"id\":1,\"moderator\":\"alice\",\"fingerprint\":\"SHA256:aaa\",\"remote\":\"192.0.2.1:5000\","
                + "\"kind\":\"queue\",\"command\":null,\"started_at\":\"2026-12-01T09:00:00Z\",\"ended_at\":"
                + "\"2026-12-01T09:01:15Z\",\"duration_ms\":75000,\"exit_status\":null,\"ending\":\"quit\"}\n", json.out());
    }
}
