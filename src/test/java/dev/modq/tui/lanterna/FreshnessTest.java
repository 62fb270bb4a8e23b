package dev.modq.tui.lanterna;

import dev.modq.core.Decision;
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
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A text UI sees other writers' changes within about a second": the queue, left alone with the production poll
 * interval, shows what another connection committed (a moderator's decision through modq, a blog backend's plain SQL
 * insert) once its change watcher's poll comes round (PRAGMA data_version on SQLite), without a key being pressed,
 * and not before. Time is the app's injected ticker, moved by hand: nothing sleeps. A control run with polling off shows that the poll is what
 * brings the change.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class FreshnessTest {

    @Parameter
    TestStores.Backend backend;

    private static final Duration JUST_BEFORE = TerminalUi.POLL.minusMillis(1);

    @TempDir
    Path dir;

    @Test
    void anotherModeratorsDecisionAndABlogInsertShowUpAtThePoll() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(6);
        f.pollEvery = TerminalUi.POLL;
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            t.press("j");
            assertTrue(t.row(1).contains("[Pending 6]"), t.row(1));

            // another moderator, on another connection, approves the comment at the top of the queue
            ModerationService bob = new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
            bob.decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT);
            t.advance(JUST_BEFORE);
            assertTrue(t.row(1).contains("[Pending 6]"), "not before the poll: " + t.row(1));
            t.advance(Duration.ofMillis(1));
            assertTrue(t.row(1).contains("[Pending 5]") && t.row(1).contains("Approved 1"), t.row(1));
            assertFalse(t.screenText().contains("Comment number 1\n"), t.screenText());
            assertEquals(2, t.selectedId(), "the cursor stays on the comment it was on");

            // the blog backend inserts a new comment with plain SQL on its own connection
            t.db.sqls("INSERT INTO comments (id, post_id, author_name, body, created_at, source_system, source_id)"
                    + " VALUES (7, 1, 'Blog reader', 'Fresh from the blog', " + TuiFixture.T0.plusSeconds(3600).getEpochSecond()
                    + ", 'blog', 'b7')");
            t.advance(JUST_BEFORE);
            assertFalse(t.screenText().contains("Fresh from the blog"), t.screenText());
            t.advance(Duration.ofMillis(1));
            assertTrue(t.row(1).contains("[Pending 6]") && t.screenText().contains("Fresh from the blog"),
                    t.screenText());
            assertEquals(2, t.selectedId());
        }
    }

    @Test
    void withoutThePollTheScreenStaysAsItWas() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(6);
        f.pollEvery = Duration.ZERO;
        try (TuiFixture t = f.open(80, 24); Store other = t.db.open(OpenMode.EXISTING)) {
            ModerationService bob = new ModerationService(other, other.moderator("bob").orElseThrow(), Clock.systemUTC());
            bob.decide(Decision.FLAG, List.of(Target.any(3)), DecideOptions.DEFAULT);
            t.advance(TerminalUi.POLL.multipliedBy(3));
            assertTrue(t.row(1).contains("[Pending 6]"), "no poll, no refresh: " + t.row(1));
        }
    }
}
