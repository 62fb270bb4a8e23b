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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code u} walks back the batches of this session only. A batch the same moderator made elsewhere (the CLI, another
 * session) is undone only after a question that names its size, answered {@code y}; anything else keeps it.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class UndoScopeTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void undoWalksBackThisSessionAndAsksBeforeABatchFromTheCli() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(40);
        try (TuiFixture t = f.open(80, 24)) {
            // alice, from the CLI in another shell: a bulk approval of comments 11..40
            try (Store cli = t.db.open(OpenMode.EXISTING)) {
                List<Target> ids = new ArrayList<>();
                for (long id = 11; id <= 40; id++) {
                    ids.add(Target.any(id));
                }
                new ModerationService(cli, cli.moderator("alice").orElseThrow(), Clock.systemUTC())
                        .decide(Decision.APPROVE, ids, DecideOptions.DEFAULT);
            }
            t.press("a", "f");
            assertEquals(Status.APPROVED, t.status(1));
            assertEquals(Status.FLAGGED, t.status(2));

            t.press("u");
            assertEquals(Status.PENDING, t.status(2));
            t.press("u");
            assertEquals(Status.PENDING, t.status(1));

            t.press("u");
            assertTrue(t.messageLine().startsWith("Undo 30 approve decisions not made in this session"),
                    t.messageLine());
            assertTrue(t.messageLine().endsWith("? y/N"), t.messageLine());
            assertEquals(Status.APPROVED, t.status(11), "nothing undone before the answer");
            t.press("Enter");
            assertEquals("Not undone: nothing changed", t.messageLine());
            assertEquals(Status.APPROVED, t.status(11));
            assertEquals(Status.APPROVED, t.status(40));

            t.press("u", "y");
            assertEquals(Status.PENDING, t.status(11));
            assertEquals(Status.PENDING, t.status(40));
            assertTrue(t.messageLine().startsWith("Undone: 30 of 30 restored"), t.messageLine());
        }
    }
}
