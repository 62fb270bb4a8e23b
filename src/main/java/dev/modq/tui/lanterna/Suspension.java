package dev.modq.tui.lanterna;

import com.googlecode.lanterna.screen.TerminalScreen;
import sun.misc.Signal;

import java.io.IOException;

/**
 * Ctrl-Z done the way full-screen programs do it: leave the private screen, show the cursor, give the shell
 * its terminal modes back, then stop the process (SIGSTOP to ourselves, so the shell sees a stopped job).
 * After {@code fg} the process continues here: raw mode again, the private screen again, and the queue
 * repaints everything. A SIGTSTP or SIGCONT sent from outside takes the same way through the event loop.
 */
final class Suspension implements QueueApp.Suspender {

    private final TerminalScreen screen;
    private final Utf8UnixTerminal terminal;

    Suspension(TerminalScreen screen, Utf8UnixTerminal terminal) {
        this.screen = screen;
        this.terminal = terminal;
    }

    @Override
    public void suspend() throws IOException {
        terminal.setCursorVisible(true);
        screen.stopScreen(false); // leaves the private screen; keys are read by another thread: no draining
        terminal.flush();
        terminal.giveBack();
        stopThisProcess();
    }

    @Override
    public void resume() throws IOException {
        screen.stopScreen(false);
        terminal.takeAgain();
        screen.startScreen();
    }

    /** Routes SIGTSTP (kill -TSTP) and SIGCONT (after someone else's SIGSTOP) into the loop. */
    static void onSignals(QueueApp app) {
        handle("TSTP", app::requestSuspend);
        handle("CONT", app::continued);
    }

    private static void handle(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), sig -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // not on this platform or reserved by the JVM: Ctrl-Z as a key still works
        }
    }

    private static void stopThisProcess() throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());
        Process kill = new ProcessBuilder("kill", "-STOP", pid).redirectErrorStream(true).start();
        try {
            // returns once we are continued (fg): the kill ends while we are stopped
            if (kill.waitFor() != 0) {
                throw new IOException("could not stop (kill -STOP " + pid + " failed)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
