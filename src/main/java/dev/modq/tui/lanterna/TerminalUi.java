package dev.modq.tui.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import dev.modq.service.ModerationService;
import dev.modq.store.Store;
import dev.modq.tui.EffectRunner;
import dev.modq.tui.Session;
import dev.modq.tui.WriteQueue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the queue on the process's own terminal and always gives the terminal back: on quit, on Ctrl-C
 * (trapped, it is just the quit key), on an exception (finally) and on SIGTERM (a shutdown hook).
 */
public final class TerminalUi {

    public static final String NO_TTY = "modq: the queue needs a terminal (use ssh -t, or the CLI: modq list / modq approve ...)";

    /** Raised when there is no usable terminal; its message is the one line to print. */
    public static final class NoTerminalException extends RuntimeException {
        public NoTerminalException() {
            super(NO_TTY);
        }
    }

    /** How often the queue looks for other writers' changes (PRAGMA data_version): "within about a second". */
    static final Duration POLL = Duration.ofMillis(500);

    /**
     * A cursor move's detail pane waits until no move came for this long: longer than a key repeat's gap
     * (about 33 ms), short enough not to be noticed when the cursor stops.
     */
    public static final Duration DETAIL_REST = Duration.ofMillis(80);

    private TerminalUi() {
    }

    /** True when stdin and stdout are a terminal. Checked before Lanterna touches anything. */
    public static boolean hasTerminal() {
        return System.console() != null;
    }

    /**
     * Why the full-screen queue cannot run on a terminal of this {@code TERM}, or null. Lanterna always writes
     * xterm sequences; a dumb terminal (Emacs shell buffers, some CI consoles) would show them as garbage.
     */
    public static String refusal(String term) {
        if (term != null && term.strip().equals("dumb")) {
            return "modq: TERM=dumb cannot show the full-screen queue; use the CLI (modq list, modq approve ID...)"
                    + " or a terminal emulator";
        }
        return null;
    }

    /**
     * @param store what the queue reads, on the key loop's thread
     * @param writer decides and undoes; its store must be a second connection to the same file, so that waiting for
     *               another writer's lock never holds up the key loop's reads
     * @param note shown on the message line when the queue opens (e.g. about the locale), or null
     */
    public static void run(Store store, ModerationService writer, Session session, boolean color, String note)
            throws IOException {
        if (!hasTerminal()) {
            throw new NoTerminalException();
        }
        Utf8UnixTerminal terminal = openTerminal();
        TerminalScreen screen = new LeanScreen(terminal);
        AtomicBoolean restored = new AtomicBoolean();
        QueueApp[] app = new QueueApp[1];
        Thread hook = new Thread(() -> {
            if (app[0] != null) {
                app[0].stop();
            }
            restore(screen, terminal, restored, true);
        }, "modq terminal restore");
        Runtime.getRuntime().addShutdownHook(hook);
        WriteQueue writes = WriteQueue.background(new EffectRunner(writer.store(), writer, Clock.systemUTC()),
                System::nanoTime);
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            app[0] = new QueueApp(screen, reader(screen), store, writer, writes, session, color, POLL,
                    Clock.systemUTC(), System::nanoTime);
            app[0].restBeforeDetail(DETAIL_REST);
            app[0].noteAtStart(note);
            app[0].suspendWith(new Suspension(screen, terminal));
            Suspension.onSignals(app[0]);
            app[0].start();
            app[0].run();
        } finally {
            writes.close();
            restore(screen, terminal, restored, false);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    private static Utf8UnixTerminal openTerminal() throws IOException {
        try {
            return new Utf8UnixTerminal(System.in, System.out, CtrlCBehaviour.TRAP);
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("stty") || m.contains("/dev/tty")) {
                throw new NoTerminalException();
            }
            throw e;
        }
    }

    /** A daemon thread blocks on the terminal and queues keys, so the loop can wait with a timeout. */
    static QueueApp.Input reader(TerminalScreen screen) {
        BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    KeyStroke k = screen.readInput();
                    keys.add(k);
                    if (k.getKeyType() == KeyType.EOF) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                keys.add(new KeyStroke(KeyType.EOF));
            }
        }, "modq keys");
        t.setDaemon(true);
        t.start();
        return timeoutMs -> {
            try {
                return timeoutMs <= 0 ? keys.poll() : keys.poll(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KeyStroke(KeyType.EOF);
            }
        };
    }

    private static void restore(TerminalScreen screen, Terminal terminal, AtomicBoolean restored, boolean inHook) {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException ignored) {
            // keep going: the stty restore below matters more than the screen
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // in a shutdown hook Lanterna's own hook restores stty
        }
    }
}
