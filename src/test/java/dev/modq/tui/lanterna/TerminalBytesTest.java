package dev.modq.tui.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.modq.core.Comment;
import dev.modq.service.ModerationService;
import dev.modq.tui.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes a render really writes to a stream terminal: UTF-8 without NULs, and small deltas. */
class TerminalBytesTest {

    @TempDir
    Path dir;

    @Test
    void writesCleanUtf8AndSmallDeltas() throws Exception {
        Comment c = TuiFixture.comment(1, "Zoë", "café au lait 😀 and more");
        try (TuiFixture t = new TuiFixture(dir).with(c).withPendingFrom(2, 40)) {
            t.open(80, 24); // writes the data (the virtual screen is not used below)
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // the terminal asks for its size with a cursor-position query: answer 24x80 up front
            ByteArrayInputStream in = new ByteArrayInputStream("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII));
            Utf8StreamTerminal terminal = new Utf8StreamTerminal(in, out);
            TerminalScreen screen = new LeanScreen(terminal);
            screen.startScreen();
            Deque<KeyStroke> keys = new ArrayDeque<>();
            ModerationService service = new ModerationService(t.store, t.store.moderator("alice").orElseThrow(),
                    Clock.systemUTC());
            QueueApp app = new QueueApp(screen, ms -> keys.poll(), t.store, service,
                    new Session("modq.db", "alice", "admin", true), true, Duration.ZERO, Clock.systemUTC());
            app.start();
            byte[] first = out.toByteArray();
            for (byte b : first) {
                assertFalse(b == 0, "a NUL byte was written");
            }
            String text = new String(first, StandardCharsets.UTF_8);
            assertTrue(text.contains("café"), "é as C3 A9");
            assertTrue(text.contains("😀"), "the emoji as F0 9F 98 80");
            assertFalse(text.contains("??"));
            assertTrue(text.contains("Zoë"));

            // a cursor move sends only the changed cells
            app.step(0); // settle
            out.reset();
            keys.add(TuiFixture.stroke("j"));
            app.step(0);
            int moveBytes = out.size();
            System.out.println("bytes for one cursor move at 80x24: " + moveBytes + " (first frame " + first.length + ")");
            assertTrue(moveBytes > 0 && moveBytes < 2048, "bytes for one move: " + moveBytes);
            screen.stopScreen();
        }
    }

    @Test
    void utf8OutputDropsControlsAndEncodesSupplementaryCharacters() {
        assertEquals("é😀", new String(Utf8Output.encode("é\u001b😀"), StandardCharsets.UTF_8));
    }
}
