package dev.modq.tui.lanterna;

import dev.modq.core.Decision;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.testing.TestStores;
import dev.modq.tui.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys moderators reach for: jump by id, search with n/N, next comment while reading, pane scrolling. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ModeratorKeysTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void hashJumpsToACommentByIdEvenFarOutsideTheLoadedWindow() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(300).open(80, 24)) {
            assertFalse(t.app.state().rows().stream().anyMatch(r -> r.id() == 250), "not loaded yet");
            t.press("#").type("250");
            t.press("Enter");
            assertEquals(250, t.selectedId());
            assertTrue(t.screenText().contains("#250 pending"), t.screenText());
            t.press("#").type("7").press("Enter");
            assertEquals(7, t.selectedId());
            t.press("#").type("9999").press("Enter");
            assertEquals("No comment #9999", t.messageLine());
            assertEquals(7, t.selectedId(), "the cursor stays");
        }
    }

    @Test
    void jumpingToACommentInAnotherViewSwitchesToIt() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(30).open(80, 24)) {
            approve(t, 12);
            t.press("#").type("12").press("Enter");
            assertEquals(View.APPROVED, t.app.state().view());
            assertEquals(12, t.selectedId());
            assertTrue(t.messageLine().startsWith("#12 is approved: showing Approved"), t.messageLine());
        }
    }

    @Test
    void searchMovesTheCursorWithoutFilteringAndNAndShiftNRepeatIt() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(40).open(80, 24)) {
            t.press("s").type("text:\"number 1\"").press("Enter"); // 1, 10..19
            assertEquals(1, t.selectedId(), "a fresh search may match the row under the cursor");
            t.press("n");
            assertEquals(10, t.selectedId());
            t.press("n", "n");
            assertEquals(12, t.selectedId());
            t.press("N");
            assertEquals(11, t.selectedId());
            assertEquals(40, t.app.state().counts().get(Status.PENDING));
            assertTrue(t.app.state().filter().isEmpty(), "the view's filter is untouched");
            assertTrue(t.row(1).contains("[Pending 40]"), t.row(1));
            t.press("G", "n");
            assertEquals(1, t.selectedId(), "wraps round to the first match");
            assertTrue(t.messageLine().contains("wrapped"), t.messageLine());
            t.press("s").type("author:nobody").press("Enter");
            assertTrue(t.messageLine().startsWith("No match for author:nobody"), t.messageLine());
        }
    }

    @Test
    void nWithoutASearchSaysHowToSearch() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("n");
            assertEquals("No search yet: s searches this view", t.messageLine());
        }
    }

    @Test
    void shiftJAndShiftKMoveToTheNextCommentWhileReading() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("Enter", "J");
            assertTrue(t.app.state().reading());
            assertEquals(2, t.selectedId());
            assertTrue(t.row(1).contains("#2 pending"), t.row(1));
            t.press("J", "K");
            assertEquals(2, t.selectedId());
            assertTrue(t.screenText().contains("Comment number 2"), t.screenText());
        }
    }

    @Test
    void ctrlDScrollsTheDetailPaneFromTheQueueAndAMoveResetsIt() throws Exception {
        String longBody = String.join("\n\n", java.util.Collections.nCopies(30, "paragraph")) + "\n\nTHE END";
        try (TuiFixture t = new TuiFixture(backend, dir).with(TuiFixture.comment(1, "Long", longBody)).withPendingFrom(2, 5)
                .open(80, 24)) {
            assertFalse(t.screenText().contains("THE END"));
            for (int i = 0; i < 20; i++) {
                t.press("C-d");
            }
            assertTrue(t.screenText().contains("THE END"), t.screenText());
            assertEquals(1, t.selectedId(), "the cursor stays");
            t.press("C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u", "C-u");
            assertTrue(t.screenText().contains("From: Long"), t.screenText());
            t.press("C-d", "j", "k");
            assertTrue(t.screenText().contains("From: Long"), "a move shows the top again");
        }
    }

    @Test
    void quittingWithTaggedCommentsAsksFirst() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("t", "t", "q");
            assertFalse(t.app.state().quit());
            assertTrue(t.screenText().contains("Quit? 2 tagged comments lose their tags"), t.screenText());
            t.press("x");
            assertFalse(t.app.state().quit());
            assertEquals(2, t.app.state().tagged().size(), "the tags are kept");
            t.press("q", "y");
            assertTrue(t.app.state().quit());
        }
    }

    @Test
    void enterOnAnUnchangedFilterSaysHowToClearIt() throws Exception {
        try (TuiFixture t = new TuiFixture(backend, dir).withPending(5).open(80, 24)) {
            t.press("/").type("author:alice").press("Enter");
            t.press("/");
            assertTrue(t.messageLine().contains("Ctrl-U empties the line"), t.messageLine());
            t.press("Enter");
            assertEquals("Filter unchanged: / then Ctrl-U, Enter clears it", t.messageLine());
            t.press("/", "C-u", "Enter");
            assertTrue(t.app.state().filter().isEmpty());
        }
    }

    private static void approve(TuiFixture t, long id) throws Exception {
        long version = t.store.comment(id).orElseThrow().version();
        new ModerationService(t.store, t.store.moderator("bob").orElseThrow(), Clock.systemUTC())
                .decide(Decision.APPROVE, List.of(Target.seen(id, version)), DecideOptions.DEFAULT);
        t.app.send(new dev.modq.tui.Msg.DataChanged()); // as the poll would, half a second later
    }
}
