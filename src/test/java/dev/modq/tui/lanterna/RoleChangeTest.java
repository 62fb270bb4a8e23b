package dev.modq.tui.lanterna;

import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin removes or demotes the moderator while their queue is open: the next poll re-reads the roster, the header
 * shows the new role (or "removed"), and decisions are refused in one line without being attempted. Restored, the
 * moderator decides again (the write queue acts with the new role).
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class RoleChangeTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void removalAndDemotionShowAndRefuseAtOnce() throws Exception {
        TuiFixture f = new TuiFixture(backend, dir).withPending(5);
        f.pollEvery = TerminalUi.POLL;
        f.actor = "bob";
        try (TuiFixture t = f.open(80, 24); Store admin = t.db.open(OpenMode.EXISTING)) {
            assertTrue(t.row(0).contains("bob (moderator)"), t.row(0));

            admin.setModeratorDisabled("bob", true); // modq moderator remove bob
            t.advance(TerminalUi.POLL);
            assertTrue(t.row(0).contains("bob (removed)"), t.row(0));
            t.press("a");
            assertEquals(Status.PENDING, t.status(1));
            assertTrue(t.messageLine().startsWith("bob was removed as a moderator: you can browse"), t.messageLine());
            assertEquals(0, t.app.state().writes().queued(), "not attempted");

            admin.putModerator("bob", Role.VIEWER); // re-added as a viewer
            t.advance(TerminalUi.POLL);
            assertTrue(t.row(0).contains("bob (viewer)"), t.row(0));
            t.press("f");
            assertEquals(Status.PENDING, t.status(1));
            assertTrue(t.messageLine().startsWith("bob is a viewer and may only browse"), t.messageLine());

            admin.putModerator("bob", Role.MODERATOR);
            t.advance(TerminalUi.POLL);
            assertTrue(t.row(0).contains("bob (moderator)"), t.row(0));
            t.press("a");
            assertEquals(Status.APPROVED, t.status(1));
        }
    }
}
