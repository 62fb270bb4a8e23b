package dev.modq.tui;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Emoji, flags, Zalgo and NUL in a real terminal (tmux 3.3a): whatever an author name holds, the column after
 * it starts where every other row's does, as tmux itself measures it, in the queue and in `modq list`.
 */
class WideTextTmuxIT {

    /** Author names that misaligned rows before; the key is the row's tag in its body ("ROW3 ..."). */
    private static final Map<Integer, String> AUTHORS = new LinkedHashMap<>();

    static {
        AUTHORS.put(1, "plain name");
        AUTHORS.put(2, "Rain \uD83C\uDF27\uFE0F day");                                      // 🌧️
        AUTHORS.put(3, "I \u2764\uFE0F it");                                                 // ❤️
        AUTHORS.put(4, "Slava \uD83C\uDDFA\uD83C\uDDE6");                                    // 🇺🇦
        AUTHORS.put(5, "Z\u0337\u0322\u031B\u034E\u0353a\u0335\u0347l\u0336g\u0337o\u0338");   // Zalgo
        AUTHORS.put(6, "fam \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");              // 👨‍👩‍👧
        AUTHORS.put(7, "ok \uD83D\uDC4D\uD83C\uDFFD");                                       // 👍🏽
        AUTHORS.put(8, "nul\0name");
        AUTHORS.put(9, "\u4E2D\u6587 \uD83D\uDE00 ok");                                      // 中文 😀
        AUTHORS.put(10, "new \uD83E\uDEE8 one");                                            // U+1FAE8, Unicode 15
    }

    @TempDir
    Path dir;

    private final Tmux tmux = new Tmux("modq-width");

    @Test
    void rowsStayAlignedInTheQueueAndInList() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("wide.db");
        seed(db);
        try {
            String ui = "java -jar " + jar + " --db " + db + "; sleep 60";
            assertEquals(0, tmux.run("new-session", "-d", "-x", "140", "-y", "30", "-s", "q", ui));
            String screen = waitFor("q", "ROW10");
            assertTrue(screen.contains("thrilled about the housing"), "the text after 🌧️ is whole:\n" + screen);
            assertTrue(screen.contains("before^@after"), "a NUL is shown, and the row goes on:\n" + screen);
            assertTrue(screen.contains("Z\u0337\u0322a"), "Zalgo keeps its first letter:\n" + screen);
            assertTrue(screen.contains("Slava [UA]"), screen);
            assertAligned(screen, "q");

            String list = "java -jar " + jar + " --db " + db + " list --fields author_name,body; sleep 60";
            assertEquals(0, tmux.run("new-session", "-d", "-x", "140", "-y", "30", "-s", "l", list));
            String table = waitFor("l", "ROW10");
            assertAligned(table, "l");
        } finally {
            tmux.kill();
        }
    }

    /** The first line holding each ROWn tag: tmux's own width of what precedes the tag is the same on all. */
    private void assertAligned(String screen, String session) throws Exception {
        Integer expected = null;
        StringBuilder report = new StringBuilder();
        for (int row : AUTHORS.keySet()) {
            String tag = "ROW" + row + " ";
            String line = screen.lines().filter(l -> l.contains(tag)).findFirst()
                    .orElseThrow(() -> new AssertionError(tag + "is not on screen:\n" + screen));
            String before = line.substring(0, line.indexOf(tag));
            int col = tmux.drawnWidth(session, before, dir);
            report.append(col).append(" <- ").append(line).append('\n');
            if (expected == null) {
                expected = col;
            }
        }
        for (String l : report.toString().split("\n")) {
            assertEquals(expected, Integer.valueOf(l.substring(0, l.indexOf(' '))),
                    "every row's text after the author starts at the same column (tmux-measured):\n" + report);
        }
    }

    private String waitFor(String session, String text) throws Exception {
        String screen = tmux.waitUntil(session, shown -> shown.contains(text), java.time.Duration.ofSeconds(30));
        if (!screen.contains(text)) {
            throw new AssertionError("'" + text + "' never appeared; the screen:\n" + screen);
        }
        Thread.sleep(300); // let the frame finish
        return tmux.capture(session);
    }

    private static void seed(Path db) {
        Instant t0 = Instant.now().minusSeconds(3600);
        try (SqliteStore store = SqliteStore.open(db, OpenMode.CREATE)) {
            Actors.bootstrapFirstAdmin(store, Actors.osUser());
            store.bulkLoad("seed", w -> {
                w.post(new Post(1, "Housing plan", "https://blog.example/h", "ed", t0, "it", "p1"));
                for (var e : AUTHORS.entrySet()) {
                    int i = e.getKey();
                    String body = "ROW" + i + " " + switch (i) {
                        case 2 -> "\uD83C\uDF27\uFE0F thrilled about the housing";
                        case 8 -> "before\0after";
                        default -> "comment";
                    };
                    w.comment(new Comment(i, 1, null, e.getValue(), "a" + i + "@example.com", null, "192.0.2.1",
                            "ua", body, CommentKind.COMMENT, t0.plusSeconds(i), Status.PENDING, null, 0, "it",
                            "c" + i));
                }
            });
        }
    }
}
