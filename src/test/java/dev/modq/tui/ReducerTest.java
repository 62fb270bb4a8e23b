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
    void approveTargetsTheVersionShownAndMovesOnAtOnce() {
        Reducer.Result r = press(loaded(5, true), "a");
        Effect.Decide d = (Effect.Decide) r.effects().get(0);
        assertEquals(Decision.APPROVE, d.decision());
        assertEquals(List.of(Target.seen(1, 3)), d.targets());
        assertEquals(2L, r.state().selected().orElseThrow().id(), "the cursor does not wait for the write");
        assertEquals(Map.of(1L, Decision.APPROVE), r.state().writes().inFlight());
        assertEquals(1, r.state().writes().queued());
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
        Reducer.Result r = Reducer.update(s, new Msg.Written(
                new Effect.Decide(Decision.APPROVE, List.of(Target.seen(88, 3)), null, false),
                new Msg.Decided(Decision.APPROVE, null, new BatchResult(null, List.of(conflict), true), false, NOW)));
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
    void aRefreshKeepsTheSelectedRowAsSeenEvenWhenItLeftTheView() {
        QueueState s = press(loaded(5, true), "j").state(); // on #2, version 3
        List<QueueRow> without2 = new ArrayList<>(rows(1, 5));
        without2.remove(1);
        Reducer.Result r = Reducer.update(s, new Msg.WindowLoaded(without2, true, true, 2L, 1, Effect.Keep.SELECTED));
        assertEquals(2L, r.state().selected().orElseThrow().id(), "the cursor did not slide onto #3");
        assertEquals(5, r.state().rows().size());
        Effect.Decide d = (Effect.Decide) press(r.state(), "a").effects().get(0);
        assertEquals(List.of(Target.seen(2, 3)), d.targets(), "the decision carries the version seen");
    }

    @Test
    void aReloadWhileKeysAreAppliedKeepsEveryRowOnScreen() {
        QueueState s = loaded(5, false);
        List<QueueRow> changed = new ArrayList<>(rows(1, 8));
        changed.remove(2); // #3 decided elsewhere
        changed.set(2, new QueueRow(4, Status.PENDING, changed.get(2).createdAt(), 9, 1, "Post", "Author 4", "text 4"));
        Reducer.Result r = Reducer.update(s, new Msg.WindowLoaded(changed, true, true, 1L, 0, Effect.Keep.SHOWN));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), r.state().rows().stream().map(QueueRow::id).toList());
        assertEquals(3, r.state().rows().get(3).version(), "#4 as it was seen, not as reloaded");
    }

    @Test
    void undoAsksBeforeWalkingBackABatchThisSessionDidNotMake() {
        QueueState s = loaded(5, true);
        Reducer.Result r = press(s, "u");
        assertEquals(List.of(new Effect.FindUndoable()), r.effects());
        dev.modq.core.BatchSummary cli = new dev.modq.core.BatchSummary("b1", "alice", "approve", 1507,
                NOW.minusSeconds(7200));
        r = Reducer.update(r.state(), new Msg.UndoableFound(java.util.Optional.of(cli)));
        assertEquals(new Overlay.ConfirmUndo(cli), r.state().overlay());
        assertTrue(Answers.undoQuestion(cli, NOW).startsWith("Undo 1,507 approve decisions not made in this session"),
                Answers.undoQuestion(cli, NOW));
        assertTrue(press(r.state(), "Enter").effects().isEmpty(), "Enter is not yes: the default is No");
        assertEquals(List.of(new Effect.Undo("b1")), press(r.state(), "y").effects());
    }

    @Test
    void undoWalksBackThisSessionsOwnBatchesWithoutAsking() {
        Reducer.Result r = press(loaded(5, true), "a", "u");
        assertEquals(new Effect.Undo(null), r.effects().get(0));
    }

    @Test
    void aRemovedModeratorIsShownAndRefused() {
        QueueState s = loaded(3, true);
        Reducer.Result r = Reducer.update(s, new Msg.ActorLoaded(java.util.Optional.empty()));
        assertEquals(Session.REMOVED, r.state().session().role());
        assertTrue(r.state().message().error());
        Reducer.Result a = press(r.state(), "a");
        assertTrue(a.effects().isEmpty(), "not attempted when known to be refused");
        assertTrue(a.state().message().text().startsWith("alice was removed as a moderator: you can browse"),
                a.state().message().text());
        Reducer.Result viewer = Reducer.update(s, new Msg.ActorLoaded(java.util.Optional.of(
                new dev.modq.core.Moderator("alice", dev.modq.core.Role.VIEWER, NOW, false))));
        assertEquals("viewer", viewer.state().session().role());
        assertTrue(press(viewer.state(), "f").effects().isEmpty());
    }

    @Test
    void aRefusedWriteSaysWhyInOneLineAndReadsTheRoleAgain() {
        QueueState s = press(loaded(3, true), "a").state();
        Reducer.Result r = Reducer.update(s, new Msg.Written(
                new Effect.Decide(Decision.APPROVE, List.of(Target.seen(1, 3)), null, false),
                new Msg.Failed("alice is a viewer and may only browse: ask an admin for the moderator role")));
        assertTrue(r.state().message().error());
        assertEquals("alice is a viewer and may only browse: ask an admin for the moderator role",
                r.state().message().text());
        assertTrue(r.effects().contains(new Effect.LoadActor()), r.effects().toString());
        assertTrue(r.state().writes().inFlight().isEmpty());
        assertEquals(0, r.state().writes().queued());
        assertEquals(0, r.state().writes().undoable(), "a refused decision leaves nothing to undo");
    }

    @Test
    void quitWithWritesWaitingAsksFirst() {
        QueueState s = press(loaded(3, true), "a").state();
        Reducer.Result r = press(s, "q");
        assertTrue(!r.state().quit());
        assertEquals(new Overlay.QuitWithWrites(1), r.state().overlay());
        assertTrue(press(r.state(), "q").state().quit());
        assertTrue(!press(r.state(), "j").state().quit());
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
