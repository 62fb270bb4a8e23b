package dev.modq.tui.lanterna;

import com.googlecode.lanterna.screen.TerminalScreen;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;

/**
 * Ctrl-Z done the way full-screen programs do it: leave the private screen, show the cursor, give the shell
 * its terminal modes back, then stop the process with a default-action SIGTSTP to ourselves (the shell sees a
 * stopped job). SIGTSTP, not SIGSTOP: with no job-control shell to come back to ({@code ssh -t host modq}, the
 * process group orphaned) the kernel discards a SIGTSTP, so modq just carries on instead of hanging forever.
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
        Signal tstp = new Signal("TSTP");
        SignalHandler ours = null;
        try {
            ours = Signal.handle(tstp, SignalHandler.SIG_DFL); // the default action stops the process
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // never installed: the default is in place
        }
        String pid = Long.toString(ProcessHandle.current().pid());
        try {
            Process kill = new ProcessBuilder("kill", "-TSTP", pid).redirectErrorStream(true).start();
            // returns once we are continued (fg): the kill ends while we are stopped
            if (kill.waitFor() != 0) {
                throw new IOException("could not stop (kill -TSTP " + pid + " failed)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ours != null) {
                Signal.handle(tstp, ours);
            }
        }
    }
}
