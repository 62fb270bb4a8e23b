package dev.modq.tui;

import dev.modq.core.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tmux with a status line (80x23) and smaller panes work, and nothing the UI says is cut at 80 columns. */
class SmallTerminalTest {

    @Test
    void theQueueWorksAt80x23AndDownToItsMinimum() {
        for (int h : new int[]{23, Layout.MIN_HEIGHT}) {
            QueueState s = ReducerTest.loaded(30, true).withSize(80, h);
            Frame f = Renderer.render(s);
            String text = f.text();
            assertFalse(text.contains("too small"), h + " rows:\n" + text);
            assertTrue(f.rowText(2).startsWith("> P"), f.rowText(2));
            assertTrue(f.rowText(h - 1).contains("a approve"), f.rowText(h - 1));
            Layout l = Layout.of(80, h);
            assertTrue(l.listHeight() >= 4 && l.detailHeight() >= 5, l.toString());
            assertTrue(ReducerTest.press(s, "a").effects().stream().anyMatch(e -> e instanceof Effect.Decide),
                    "keys work at " + h + " rows");
        }
        assertTrue(Renderer.render(ReducerTest.loaded(3, true).withSize(80, Layout.MIN_HEIGHT - 1)).text()
                .contains("need 80x16, have 80x15"));
    }

    @Test
    void theRejectPromptIsWholeAt80ColumnsEvenForALongSubject() {
        QueueState s = ReducerTest.loaded(30, true).withOverlay(new Overlay.ReasonPicker());
        java.util.Map<Long, Long> tags = new java.util.LinkedHashMap<>();
        for (long id = 1_000_000; id < 1_000_030; id++) {
            tags.put(id, 0L);
        }
        for (QueueState state : List.of(s, s.withTagged(tags))) {
            String bottom = bottomRows(Renderer.render(state), 3).replaceAll("\\s+", " ");
            assertTrue(bottom.contains("Enter none") && bottom.contains("Esc cancels"), bottom);
        }
        String confirm = bottomRows(Renderer.render(s.withOverlay(
                new Overlay.Confirm(Decision.REJECT, "off-topic", 10_000))), 3).replaceAll("\\s+", " ");
        assertTrue(confirm.contains("any other key cancels [n]"), confirm);
    }

    @Test
    void aLongMessageWrapsAboveTheFooterInsteadOfBeingCut() {
        String text = "Approved 3 of 30 tagged — u to undo; 27 not applied: #1000001 was rejected by bob 12s ago,"
                + " #1000002 was rejected by bob 12s ago, #1000003 no longer exists";
        Frame f = Renderer.render(ReducerTest.loaded(30, true).withMessage(Message.info(text)));
        String bottom = bottomRows(f, 4).replaceAll("\\s+", " ");
        assertTrue(bottom.contains(text), bottom);
        assertTrue(f.rowText(23).contains("a approve"), "the footer stays");
    }

    @Test
    void everyHelpLineFitsAndNoDescriptionIsCut() {
        int width = 80;
        List<String[]> lines = Renderer.helpLines(width);
        StringBuilder all = new StringBuilder();
        for (String[] line : lines) {
            if (line[1] != null) {
                assertTrue(18 + dev.modq.core.text.DisplayWidth.of(line[1]) <= width, line[1]);
                all.append(line[1]).append(' ');
            }
        }
        for (Keymap.Binding b : Keymap.BINDINGS) {
            assertTrue(all.toString().contains(b.description().split(" ")[0]), b.description());
        }
        String joined = all.toString().replaceAll("\\s+", " ");
        assertTrue(joined.contains("reject, then a reason: s spam, b abuse, o off-topic, x other, Enter none, Esc cancels"),
                joined);
        // scrolled to the end, the help shows the last binding
        QueueState s = ReducerTest.loaded(3, true).withSize(80, 23);
        Reducer.Result r = ReducerTest.press(s, "?");
        for (int i = 0; i < 40; i++) {
            r = ReducerTest.press(r.state(), "j");
        }
        String help = Renderer.render(r.state()).text();
        Keymap.Binding last = Keymap.BINDINGS.get(Keymap.BINDINGS.size() - 1);
        assertTrue(help.contains(last.description()), help);
    }

    @Test
    void bothFootersKeepTheQuitHintAt80Columns() {
        QueueState queue = ReducerTest.loaded(3, true);
        assertTrue(Renderer.render(queue).rowText(23).contains("q quit"), Renderer.render(queue).rowText(23));
        QueueState reading = queue.withReading(true, 0);
        assertTrue(Renderer.render(reading).rowText(23).contains("q quit"), Renderer.render(reading).rowText(23));
    }

    private static String bottomRows(Frame f, int n) {
        List<String> rows = new ArrayList<>();
        for (int y = f.height() - 1 - n; y < f.height() - 1; y++) {
            rows.add(f.rowText(y));
        }
        return String.join("\n", rows);
    }
}
