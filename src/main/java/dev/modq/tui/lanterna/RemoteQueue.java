package dev.modq.tui.lanterna;

import com.googlecode.lanterna.screen.TerminalScreen;
import dev.modq.service.ModerationService;
import dev.modq.store.Store;
import dev.modq.tui.EffectRunner;
import dev.modq.tui.Session;
import dev.modq.tui.WriteQueue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The queue on a terminal at the other end of an SSH channel: a stream terminal over the channel's streams (no stty,
 * no process signals), sized from the pty request and resized on window-change, keys read on a thread of its own.
 * Quitting (q, Ctrl-C), the client going away (end of input) and {@link #stop} all end {@link #run}, which always
 * leaves the private screen and shows the cursor again before it returns.
 */
public final class RemoteQueue {

    /** How long a closing session waits for decisions already sent to be written (each commits or rolls back). */
    private static final Duration WRITES_DRAIN = Duration.ofSeconds(5);

    private final Utf8StreamTerminal terminal;
    private final OutputStream out;
    private volatile QueueApp app;
    private volatile String farewell;
    private volatile boolean stopped;
    private volatile boolean shutdown;
    private volatile String ending;

    public RemoteQueue(InputStream in, OutputStream out, int columns, int rows) {
        this.terminal = new Utf8StreamTerminal(in, out);
        this.out = out;
        terminal.tellSize(columns > 0 ? columns : 80, rows > 0 ? rows : 24);
    }

    /** A window-change from the client (any thread); the next step redraws at the new size. */
    public void resize(int columns, int rows) {
        terminal.tellSize(columns, rows);
    }

    /**
     * Ends the session from another thread: server shutdown ({@code message} is printed once the screen is restored),
     * or the channel going away ({@code message} null).
     */
    public void stop(String message) {
        shutdown = message != null;
        stop(message, null);
    }

    /** Ends the session with {@code message} shown once the screen is restored, recorded as {@code why} (idle...). */
    public void stop(String message, String why) {
        farewell = message;
        ending = why;
        stopped = true;
        QueueApp a = app;
        if (a != null) {
            a.stop();
        }
    }

    /**
     * Runs the queue until the moderator quits, the client goes away or {@link #stop} is called; returns how it
     * ended: {@code quit}, {@code disconnect}, {@code shutdown}, or what {@link #stop(String, String)} said.
     *
     * @param changes the number a shared watcher moves when the database changes (one poller for every session)
     */
    public String run(Store store, ModerationService writer, Session session, boolean color, LongSupplier changes)
            throws IOException {
        TerminalScreen screen = new LeanScreen(terminal);
        WriteQueue writes = WriteQueue.background(new EffectRunner(writer.store(), writer, Clock.systemUTC()),
                System::nanoTime);
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            QueueApp a = new QueueApp(screen, TerminalUi.reader(screen), store, writer, writes, session, color,
                    TerminalUi.POLL, Clock.systemUTC(), System::nanoTime);
            a.restBeforeDetail(TerminalUi.DETAIL_REST);
            a.watchChangesWith(changes);
            app = a;
            if (!stopped) {
                a.start();
                a.run();
            }
            String why = ending;
            return why != null ? why : shutdown ? "shutdown" : a.state().quit() ? "quit" : "disconnect";
        } finally {
            writes.awaitAnswered(WRITES_DRAIN);
            writes.close();
            restore(screen);
        }
    }

    private void restore(TerminalScreen screen) {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException gone) {
            // the client went away: nothing to restore on a closed channel
        }
        String message = farewell;
        if (message != null) {
            try {
                out.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException gone) {
                // the same
            }
        }
    }
}
