package dev.modq.tui;

import dev.modq.core.AuthorHistory;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.text.DisplayWidth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendererTest {

    static QueueState state() {
        return ReducerTest.loaded(12, true);
    }

    @Test
    void showsHeaderTabsRowsAndFooterAt80x24() {
        Frame f = Renderer.render(state());
        assertTrue(f.rowText(0).contains("modq.db") && f.rowText(0).contains("alice (moderator)"), f.rowText(0));
        assertTrue(f.rowText(1).contains("[Pending 0]"), f.rowText(1));
        assertTrue(f.rowText(2).startsWith("> P"), f.rowText(2));
        assertEquals(Style.SELECTED, f.style(10, 2));
        assertTrue(f.rowText(23).contains("a approve") && f.rowText(23).contains("q quit"), f.rowText(23));
    }

    @Test
    void aFilteredCountPastItsCapShowsAsAFloor() {
        QueueState s = state().withFilter(dev.modq.core.query.Query.parse("text:loan"))
                .withCounts(state().counts(), Effect.LoadCounts.FILTERED_CAP + 1);
        assertTrue(Renderer.render(s).rowText(0).contains("(10,000+)"), Renderer.render(s).rowText(0));
        QueueState exact = s.withCounts(s.counts(), 42L);
        assertTrue(Renderer.render(exact).rowText(0).contains("(42)"), Renderer.render(exact).rowText(0));
    }

    @Test
    void aProlificAuthorsHistoryShowsItsCountsAsFloors() {
        String line = DetailText.history(new dev.modq.core.AuthorHistory(DetailText.HISTORY_CAP + 1, 3, 0, 12));
        assertEquals("History: 1,000+ approved, 3 rejected, 0 flagged, 12 pending", line);
    }

    @Test
    void everyRowIsExactlyTheScreenWidth() {
        QueueRow wide = new QueueRow(1, Status.PENDING, ReducerTest.NOW, 0, 1, "标题标题标题标题标题标题",
                "作者作者作者作者", "😀 emoji 中文 " + "x".repeat(200));
        QueueState s = state().withWindow(List.of(wide), true, true, 0, 0);
        Frame f = Renderer.render(s);
        for (int y = 0; y < f.height(); y++) {
            int cols = 0;
            for (int x = 0; x < f.width(); x++) {
                cols += f.cell(x, y) == null ? 0 : Math.max(1, DisplayWidth.of(f.cell(x, y)));
            }
            assertEquals(80, cols, "row " + y + ": " + f.rowText(y));
        }
    }

    @Test
    void neverThrowsOnAnySizeOrContent() {
        QueueRow bad = new QueueRow(1, Status.PENDING, null, 0, 1, null, "\u0000\u001b\u009b", "\ud800 lone");
        for (int w = 0; w < 130; w += 7) {
            for (int h = 0; h < 50; h += 5) {
                Frame f = Renderer.render(state().withWindow(List.of(bad), true, true, 0, 0).withSize(w, h));
                assertEquals(w, f.width());
            }
        }
    }

    @Test
    void tooSmallScreenSaysWhatItNeeds() {
        Frame f = Renderer.render(state().withSize(70, 20));
        assertTrue(f.text().contains("need 80x16, have 70x20"), f.text());
    }

    @Test
    void detailShowsFirstCommentBadgeLinksAndControlsWarning() {
        Detail d = new Detail(1, 0, Status.PENDING, "", ReducerTest.NOW, "Eve", "eve@x", "192.0.2.1", "", new AuthorHistory(0, 0, 0, 0),
                "Hello", "https://blog/hello", 7L, "Bob", "parent text", "body ^[ here",
                List.of(new Detail.Link("evil.example", "https://evil.example/x")), true);
        Frame f = Renderer.render(state().withDetail(new Detail(1, d.version(), d.status(), d.reason(), d.createdAt(),
                d.authorName(), d.authorEmail(), d.authorIp(), d.authorUrl(), d.history(), d.postTitle(), d.postUrl(),
                d.parentId(), d.parentAuthor(), d.parentExcerpt(), d.body(), d.links(), d.hadControls())));
        String text = f.text();
        assertTrue(text.contains("[first comment]"), text);
        assertTrue(text.contains("contained control characters"), text);
        assertTrue(text.contains("In reply to #7 by Bob"), text);
        QueueState reading = ReducerTest.press(state().withDetail(d), "Enter").state();
        assertTrue(Renderer.render(reading).text().contains("evil.example"), Renderer.render(reading).text());
    }

    @Test
    void withoutColourTheSelectionStillHasAMarker() {
        Frame f = Renderer.render(ReducerTest.press(state(), "j").state());
        assertTrue(f.rowText(3).startsWith(">"), f.rowText(3));
        assertTrue(f.rowText(2).startsWith(" "), f.rowText(2));
    }
}
