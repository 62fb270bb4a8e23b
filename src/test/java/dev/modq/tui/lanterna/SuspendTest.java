package dev.modq.tui.lanterna;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-Z gives the terminal back before stopping, takes it again after fg, and repaints every cell. */
class SuspendTest {

    @TempDir
    Path dir;

    @Test
    void ctrlZSuspendsThenResumesAndRepaintsEverything() throws Exception {
        try (TuiFixture t = new TuiFixture(dir).withPending(5).open(80, 24)) {
            List<String> calls = new ArrayList<>();
            t.app.suspendWith(new QueueApp.Suspender() {
                @Override
                public void suspend() {
                    calls.add("suspend");
                    // what the shell does to the screen while we are stopped
                    t.vt.clearScreen();
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }
            });
            t.press("C-z");
            assertEquals(List.of("suspend", "resume"), calls);
            assertTrue(t.screenText().contains("Comment number 1"), "the frame is painted again:\n" + t.screenText());
            assertTrue(t.row(23).contains("approve"), t.row(23));
            t.press("j");
            assertEquals(2, t.selectedId(), "keys work after fg");
        }
    }

    @Test
    void aTstpFromOutsideTakesTheSameWayAndAContinueRepaints() throws Exception {
        try (TuiFixture t = new TuiFixture(dir).withPending(5).open(80, 24)) {
            List<String> calls = new ArrayList<>();
            t.app.suspendWith(new QueueApp.Suspender() {
                @Override
                public void suspend() {
                    calls.add("suspend");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                    t.vt.clearScreen();
                }
            });
            t.app.requestSuspend();
            t.app.step(0);
            assertEquals(List.of("suspend", "resume"), calls);
            t.app.continued();
            t.app.step(0);
            assertEquals(List.of("suspend", "resume", "resume"), calls);
            assertTrue(t.screenText().contains("Comment number 1"), t.screenText());
        }
    }

    @Test
    void withoutATerminalToGiveBackCtrlZSaysSo() throws Exception {
        try (TuiFixture t = new TuiFixture(dir).withPending(5).open(80, 24)) {
            t.press("C-z");
            assertEquals("Ctrl-Z: this terminal cannot be suspended", t.messageLine());
        }
    }
}
