package dev.modq.tui.lanterna;

import dev.modq.core.Decision;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two moderators on one comment: alice in the text UI, bob through the service on another connection. When bob
 * decides the comment alice is looking at, the refresh keeps alice on it, says who decided it, and her next decision
 * key reports a conflict: it never lands on the next comment, which she has not seen.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class TwoWritersTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void theReadingViewStaysOnTheCommentOpenedAndTheKeyReportsAConflict() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(10);
        f.pollEvery = TerminalUi.POLL;
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j", "Enter");
            assertTrue(t.app.state().reading());
            assertTrue(t.row(1).startsWith(" #2 pending"), t.row(1));

            bob(other).decide(Decision.APPROVE, List.of(Target.any(2)), DecideOptions.DEFAULT);
            t.advance(TerminalUi.POLL);
            assertEquals(2, t.selectedId(), "still on the comment opened");
            assertTrue(t.app.state().reading());
            assertTrue(t.row(1).startsWith(" #2 now approved by bob"), t.row(1));
            assertTrue(t.screenText().contains("Comment number 2"), t.screenText());
            assertTrue(t.messageLine().startsWith("#2 was approved by bob"), t.messageLine());

            t.press("r", "s");
            assertEquals(Status.APPROVED, t.status(2), "bob's approval stands");
            assertEquals(Status.PENDING, t.status(3), "the next comment, never seen, was not rejected");
            assertTrue(t.messageLine().startsWith("#2 was approved by bob"), t.messageLine());
            assertTrue(t.messageLine().contains("not applied"), t.messageLine());
            assertEquals(0, t.db.longValue("SELECT count(*) FROM audit_log WHERE moderator = 'alice'"));
        }
    }

    @Test
    void inTheQueueTheCursorStaysOnTheCommentSeen() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(10);
        f.pollEvery = TerminalUi.POLL;
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j", "j");
            assertEquals(3, t.selectedId());
            bob(other).decide(Decision.REJECT, List.of(Target.any(3)), DecideOptions.withReason("spam"));
            bob(other).decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT);
            t.advance(TerminalUi.POLL);
            assertEquals(3, t.selectedId(), "the cursor did not slide onto #4");
            assertTrue(t.row(1).contains("[Pending 8]"), t.row(1));
            assertTrue(t.screenText().contains(">!R"), "#3 is marked as changed, shown as it is now:\n" + t.screenText());
            assertTrue(t.screenText().contains("#3 now rejected by bob"), t.screenText());

            t.press("a");
            assertEquals(Status.REJECTED, t.status(3));
            assertEquals(Status.PENDING, t.status(4), "the next comment was not approved");
            assertTrue(t.messageLine().startsWith("#3 was rejected by bob"), t.messageLine());

            // once moved on, #3 is gone from the pending view and the keys act on what is shown
            t.press("a");
            assertEquals(Status.APPROVED, t.status(4));
        }
    }

    @Test
    void keysTypedAheadActOnTheRowsAsShownWhenTheWindowReloadsBetweenThem() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(40); // polling off: only the window's own reload runs
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "k", "k", "k");
            assertEquals(11, t.selectedId());
            assertTrue(t.screenText().contains("Comment number 12"), "#12 is on screen: " + t.screenText());
            bob(other).decide(Decision.APPROVE, List.of(Target.any(12)), DecideOptions.DEFAULT);

            // PgDn nears the window's end and reloads it; the keys after it were typed counting the rows as shown
            t.typeAhead("PgDn", "k", "k", "k", "k", "k", "k", "f").settle();
            assertEquals(Status.APPROVED, t.status(12), "bob's approval stands");
            assertEquals(Status.PENDING, t.status(11), "the key did not land on a neighbour of the row meant");
            assertEquals(Status.PENDING, t.status(13), "the key did not land on a neighbour of the row meant");
            assertTrue(t.messageLine().startsWith("#12 was approved by bob"), t.messageLine());
        }
    }

    private static ModerationService bob(Store other) {
        return new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
    }
}
