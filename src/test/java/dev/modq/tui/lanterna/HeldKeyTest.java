package dev.modq.tui.lanterna;

import dev.modq.testing.TestStores;
import dev.modq.tui.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A held cursor key (a repeat every ~33 ms over SSH) must not load and draw the detail pane of every row it
 * passes: only the rows move, and the detail of the row where the cursor rests is drawn once.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class HeldKeyTest {

    @Parameter
    TestStores.Backend backend;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-02T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    @Test
    void aHeldMoveKeyDrawsTheDetailOnlyWhereTheCursorRests() throws Exception {
        ManualClock clock = new ManualClock();
        TuiFixture t = new TuiFixture(backend, dir).withPending(20);
        t.clock = clock;
        try (t) {
            t.open(80, 24);
            t.app.restBeforeDetail(Duration.ofMillis(80));
            long loads = t.app.detailLoads();
            for (int i = 0; i < 6; i++) {
                t.press("j");
                clock.advance(Duration.ofMillis(33));
            }
            assertEquals(7, t.selectedId(), "the list follows every key at once");
            assertEquals(loads, t.app.detailLoads(), "no detail loaded for the rows passed");
            for (int id = 2; id <= 7; id++) {
                assertFalse(detailPane(t).contains("Comment number " + id), "no detail drawn for #" + id);
            }

            clock.advance(Duration.ofMillis(80));
            t.app.step(0);
            assertEquals(loads + 1, t.app.detailLoads());
            assertTrue(detailPane(t).contains("Comment number 7"), detailPane(t));
            assertEquals(7, t.app.state().detail().id());
        }
    }

    @Test
    void aKeyThatActsOnTheCommentSeesItsDetailAtOnce() throws Exception {
        ManualClock clock = new ManualClock();
        TuiFixture t = new TuiFixture(backend, dir).withPending(20);
        t.clock = clock;
        try (t) {
            t.open(80, 24);
            t.app.restBeforeDetail(Duration.ofMillis(80));
            t.press("j", "j", "Enter");
            assertTrue(t.app.state().reading());
            assertEquals(3, t.app.state().detail().id(), "the reading view shows the comment under the cursor");
            assertTrue(t.screenText().contains("Comment number 3"), t.screenText());
        }
    }

    private static String detailPane(TuiFixture t) {
        Layout l = Layout.of(80, 24);
        StringBuilder sb = new StringBuilder();
        for (int y = l.detailTop(); y < l.messageRow(); y++) {
            sb.append(t.row(y)).append('\n');
        }
        return sb.toString();
    }
}
