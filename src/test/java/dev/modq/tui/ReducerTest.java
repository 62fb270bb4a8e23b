package dev.modq.tui;

import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
import dev.modq.core.Outcome;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.Target;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReducerTest {

    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final Session ME = new Session("modq.db", "alice", "moderator", true);

    static List<QueueRow> rows(int from, int to) {
        List<QueueRow> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(new QueueRow(i, Status.PENDING, NOW.minusSeconds(1000 - i), 3, 1, "Post", "Author " + i, "text " + i));
        }
        return rows;
    }

    static QueueState loaded(int n, boolean atEnd) {
        QueueState s = QueueState.initial(ME, 80, 24, NOW);
        return Reducer.update(s, new Msg.WindowLoaded(rows(1, n), true, atEnd, null, 0)).state();
    }

    static Reducer.Result press(QueueState s, String... keys) {
        Reducer.Result r = new Reducer.Result(s, List.of());
        for (String k : keys) {
            r = Reducer.update(r.state(), new Msg.KeyPressed(Key.of(k)));
        }
        return r;
    }

    @Test
    void startLoadsTheFirstWindowAndCounts() {
        Reducer.Result r = Reducer.start(QueueState.initial(ME, 80, 24, NOW));
        assertInstanceOf(Effect.LoadWindow.class, r.effects().get(0));
        assertInstanceOf(Effect.LoadCounts.class, r.effects().get(1));
    }

    @Test
    void movingWithinTheWindowNeedsNoPageButLoadsTheDetail() {
        Reducer.Result r = press(loaded(30, true), "j");
        assertEquals(1, r.state().cursor());
        assertEquals(List.of(new Effect.LoadDetail(2)), r.effects());
    }

    @Test
    void nearingTheWindowsEndReloadsAroundTheCursor() {
        QueueState s = loaded(20, false);
        Reducer.Result r = press(s, "PgDn", "PgDn");
        assertTrue(r.effects().stream().anyMatch(e -> e instanceof Effect.LoadWindow w && w.anchor() instanceof Effect.At),
                r.effects().toString());
    }

    @Test
    void approveTargetsTheVersionShownAndPrefersTheNextRow() {
        Reducer.Result r = press(loaded(5, true), "a");
        Effect.Decide d = (Effect.Decide) r.effects().get(0);
        assertEquals(Decision.APPROVE, d.decision());
        assertEquals(List.of(Target.seen(1, 3)), d.targets());
        assertEquals(2L, d.preferId());
    }

    @Test
    void rejectWaitsForAReason() {
        Reducer.Result r = press(loaded(5, true), "r");
        assertInstanceOf(Overlay.ReasonPicker.class, r.state().overlay());
        assertTrue(r.effects().isEmpty());
        Effect.Decide d = (Effect.Decide) press(r.state(), "o").effects().get(0);
        assertEquals("off-topic", d.reason());
    }

    @Test
    void moreThanTwentyTaggedNeedsYes() {
        QueueState s = loaded(30, true);
        Map<Long, Long> tags = new java.util.LinkedHashMap<>();
        for (long i = 1; i <= 21; i++) {
            tags.put(i, 3L);
        }
        s = s.withTagged(tags);
        Reducer.Result r = press(s, "a");
        assertEquals(new Overlay.Confirm(Decision.APPROVE, null, 21), r.state().overlay());
        assertTrue(r.effects().isEmpty());
        Reducer.Result no = press(r.state(), "n");
        assertTrue(no.effects().isEmpty());
        assertEquals(Overlay.NONE, no.state().overlay());
        Reducer.Result yes = press(r.state(), "y");
        assertEquals(21, ((Effect.Decide) yes.effects().get(0)).targets().size());
    }

    @Test
    void conflictMessageNamesWhoAndWhen() {
        QueueState s = loaded(5, true);
        Outcome conflict = Outcome.conflict(88, Status.REJECTED,
                new Outcome.Conflict("bob", NOW.minusSeconds(12), Status.REJECTED), "x");
        Reducer.Result r = Reducer.update(s, new Msg.Decided(Decision.APPROVE, null,
                new BatchResult(null, List.of(conflict), true), 2L, NOW));
        assertEquals("#88 was rejected by bob 12s ago: not applied", r.state().message().text());
        assertTrue(r.state().message().error());
    }

    @Test
    void tabCyclesViewsAndClearsTags() {
        QueueState s = loaded(5, true).withTagged(Map.of(1L, 3L));
        Reducer.Result r = press(s, "Tab");
        assertEquals(View.FLAGGED, r.state().view());
        assertTrue(r.state().tagged().isEmpty());
        assertTrue(r.state().message().text().contains("tags cleared"));
        assertEquals(View.PENDING, press(s, "Tab", "Tab", "Tab", "Tab", "Tab").state().view());
        assertEquals(View.ALL, press(s, "S-Tab").state().view());
    }

    @Test
    void filterPromptEditsAndEscKeepsTheOldFilter() {
        Reducer.Result r = press(loaded(5, true), "/", "a", "b", "Backspace", "Esc");
        assertEquals(Overlay.NONE, r.state().overlay());
        assertTrue(Reducer.blank(r.state().filter()));
    }

    @Test
    void readingViewScrollsWithinTheText() {
        QueueState s = loaded(5, true);
        Detail d = new Detail(1, 3, Status.PENDING, "", NOW, "A", "", "", "", new dev.modq.core.AuthorHistory(0, 0, 0, 0),
                "Post", "", null, "", "", "line\n".repeat(100), List.of(), false);
        s = s.withDetail(d);
        Reducer.Result r = press(s, "Enter", "j", "j", "Space");
        assertTrue(r.state().reading());
        assertTrue(r.state().detailScroll() > 2);
        assertEquals(0, press(r.state(), "g", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k",
                "k", "k", "k", "k", "k", "k", "k", "k", "k", "k").state().detailScroll());
        assertTrue(!press(r.state(), "Esc").state().reading());
    }

    @Test
    void quitSetsQuitAndViewersAreRefused() {
        assertTrue(press(loaded(2, true), "q").state().quit());
        QueueState viewer = QueueState.initial(new Session("db", "v", "viewer", false), 80, 24, NOW);
        viewer = Reducer.update(viewer, new Msg.WindowLoaded(rows(1, 2), true, true, null, 0)).state();
        Reducer.Result r = press(viewer, "a");
        assertTrue(r.effects().isEmpty());
        assertTrue(r.state().message().error());
    }

    @Test
    void aReadOnlyDatabaseRefusesDecisionsSayingWhy() {
        QueueState readOnly = QueueState.initial(Session.of("db", "alice", "moderator", true, false), 80, 24, NOW);
        readOnly = Reducer.update(readOnly, new Msg.WindowLoaded(rows(1, 2), true, true, null, 0)).state();
        Reducer.Result r = press(readOnly, "a");
        assertTrue(r.effects().isEmpty());
        assertTrue(r.state().message().text().contains("read-only for alice"), r.state().message().text());
    }
}
