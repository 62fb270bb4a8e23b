package dev.modq.tui;

import dev.modq.testing.Tmux;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged jar in a real pseudo-terminal (tmux at 80x24), driven by send-keys, read by capture-pane. */
class QueueTmuxIT {

    @TempDir
    Path dir;

    private final Tmux tmux = new Tmux("modq-it");

    @Test
    void moderatesInARealTerminalAndRestoresIt() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("it.db");
        seed(db);
        try {
            String cmd = "java -jar " + jar + " --db " + db + "; echo MODQ-EXIT=$?; sleep 60";
            assertEquals(0, tmux.run("new-session", "-d", "-x", "80", "-y", "24", "-s", "q", cmd));
            String screen = waitFor("Comment number 1");
            assertTrue(screen.contains("[Pending 5]"), screen);
            keys("a");
            waitFor("Approved #1");
            keys("r");
            waitFor("reason?");
            keys("s");
            screen = waitFor("Rejected #2 (spam)");
            keys("f");
            waitFor("Flagged #3");
            keys("u");
            waitFor("Undone: #3");
            keys("?");
            waitFor("any other key closes");
            keys("x", "Tab");
            waitFor("[Flagged 0]");
            keys("q");
            screen = waitFor("MODQ-EXIT=0");
            assertTrue(!screen.contains("Pending"), "the private screen is gone after quit:\n" + screen);
        } finally {
            tmux.kill();
        }
        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING)) {
            assertEquals(Status.APPROVED, store.comment(1).orElseThrow().status());
            assertEquals(Status.REJECTED, store.comment(2).orElseThrow().status());
            assertEquals("spam", store.comment(2).orElseThrow().reason());
            assertEquals(Status.PENDING, store.comment(3).orElseThrow().status());
        }
    }

    @Test
    void ctrlZGivesTheShellACleanTerminalAndFgRedraws() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("z.db");
        seed(db);
        try {
            assertEquals(0, tmux.run("new-session", "-d", "-x", "80", "-y", "24", "-s", "q",
                    "env PS1='SHELL> ' bash --norc --noprofile -i"));
            waitFor("SHELL>");
            keys("java -jar " + jar + " --db " + db, "Enter");
            waitFor("Comment number 1");
            keys("C-z");
            String screen = waitFor("Stopped");
            assertTrue(!screen.contains("Comment number") && !screen.contains("approve"),
                    "the frame is gone, the shell's screen is back:\n" + screen);
            assertTrue(screen.strip().endsWith("SHELL>"), "a clean prompt:\n" + screen);
            keys("fg", "Enter");
            waitFor("[Pending 5]");
            waitFor("a approve"); // the whole frame, down to the footer, is drawn again
            keys("a");
            waitFor("Approved #1");
            keys("q");
            waitUntil(sc -> !sc.contains("Comment number") && sc.strip().endsWith("SHELL>"), "the prompt after quit");
            keys("echo MODQ-EXIT=$?", "Enter");
            waitFor("MODQ-EXIT=0");
        } finally {
            tmux.kill();
        }
        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING)) {
            assertEquals(Status.APPROVED, store.comment(1).orElseThrow().status(), "the key after fg was applied");
        }
    }

    @Test
    void ctrlZWithNoShellToReturnToLeavesTheQueueRunning() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("orphan.db");
        seed(db);
        try {
            // as with ssh -t host modq: no job-control shell, so a stopped modq could never be continued
            assertEquals(0, tmux.run("new-session", "-d", "-x", "80", "-y", "24", "-s", "q",
                    "java -jar " + jar + " --db " + db + "; echo MODQ-EXIT=$?; sleep 60"));
            waitFor("Comment number 1");
            keys("C-z");
            waitFor("a approve");
            keys("a");
            waitFor("Approved #1");
            keys("q");
            waitFor("MODQ-EXIT=0");
        } finally {
            tmux.kill();
        }
    }

    @Test
    void refusesWithoutATerminal() throws Exception {
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("pipe.db");
        seed(db);
        Process p = new ProcessBuilder("java", "-jar", jar, "--db", db.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertEquals("modq: the queue needs a terminal (use ssh -t, or the CLI: modq list / modq approve ...)",
                out.strip());
    }

    private static void seed(Path db) {
        Instant t0 = Instant.now().minusSeconds(3600);
        try (SqliteStore store = SqliteStore.open(db, OpenMode.CREATE)) {
            Actors.bootstrapFirstAdmin(store, Actors.osUser());
            store.bulkLoad("seed", w -> {
                w.post(new Post(1, "Hello world", "https://blog.example/hello", "ed", t0, "it", "p1"));
                for (int i = 1; i <= 5; i++) {
                    w.comment(new Comment(i, 1, null, "Author " + i, "a" + i + "@example.com", null, "192.0.2.1",
                            "ua", "Comment number " + i, CommentKind.COMMENT, t0.plusSeconds(i), Status.PENDING,
                            null, 0, "it", "c" + i));
                }
            });
        }
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "q"));
        args.addAll(List.of(keys));
        tmux.run(args.toArray(new String[0]));
    }

    private String waitFor(String text) throws Exception {
        return waitUntil(screen -> screen.contains(text), "'" + text + "'");
    }

    private String waitUntil(java.util.function.Predicate<String> shown, String what) throws Exception {
        String screen = tmux.waitUntil("q", shown, java.time.Duration.ofSeconds(30));
        if (!shown.test(screen)) {
            throw new AssertionError(what + " never appeared; the screen:\n" + screen);
        }
        return screen;
    }
}
