package dev.modq.tui;

import dev.modq.core.AuthorHistory;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 in the queue: an {@code h} on held rows, and the rules that match in the detail pane. */
class RuleMarksTest {

    @Test
    void aHeldPendingRowShowsAnHBesideItsStatus() {
        QueueRow held = new QueueRow(1, Status.PENDING, ReducerTest.NOW, 0, 1, "Post", "bob", "Buy now", -1, true);
        QueueRow plain = new QueueRow(2, Status.PENDING, ReducerTest.NOW, 0, 1, "Post", "amy", "Hello", -1, false);
        Frame f = Renderer.render(RendererTest.state().withWindow(List.of(held, plain), true, true, 0, 0));
        assertTrue(f.rowText(2).startsWith("> Ph"), f.rowText(2));
        assertTrue(f.rowText(3).startsWith("  P "), f.rowText(3));
    }

    @Test
    void theDetailNamesTheHoldingRuleAndTheMatchingRules() {
        Detail d = new Detail(1, 0, Status.PENDING, "", ReducerTest.NOW, "Eve", "", "", "", new AuthorHistory(1, 0, 0, 0),
                "Hello", "", null, "", "", "Buy now", List.of(), false, null, List.of(),
                new Detail.RuleNotes(List.of("links (hold)", "buy (reject spam)"), "links"));
        List<DetailText.Line> lines = DetailText.lines(d, 78, ReducerTest.NOW);
        DetailText.Line rules = lines.stream().filter(l -> l.text().startsWith("Held")).findFirst().orElseThrow();
        assertEquals("Held by rule links · Rules: links (hold), buy (reject spam)", rules.text());
        assertEquals(Style.WARNING, rules.style());
        Detail none = new Detail(1, 0, Status.PENDING, "", ReducerTest.NOW, "Eve", "", "", "", new AuthorHistory(1, 0, 0, 0),
                "Hello", "", null, "", "", "Buy now", List.of(), false, null);
        assertTrue(DetailText.lines(none, 78, ReducerTest.NOW).stream().noneMatch(l -> l.text().contains("Rules")));
    }
}
