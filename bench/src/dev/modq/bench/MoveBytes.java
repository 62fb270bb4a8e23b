package dev.modq.bench;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;
import dev.modq.tui.Session;
import dev.modq.tui.lanterna.QueueApp;
import dev.modq.tui.lanterna.TerminalUi;
import dev.modq.tui.lanterna.Utf8StreamTerminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Bytes the text UI writes per cursor move (what an SSH link carries), on the real {@link QueueApp} over a
 * Lanterna stream terminal at 80x24 (not part of modq).
 *
 * <ul>
 *   <li><b>single</b>: one {@code j}, then a rest long enough for the detail pane to be drawn: the whole cost of
 *       one move (list rows, separator, detail pane).</li>
 *   <li><b>held</b>: {@code j} held down, keys arriving every {@code REPEAT_MS} (a typical key repeat): total
 *       bytes of the burst (including the final detail pane) divided by the keys.</li>
 * </ul>
 * Usage: {@code MoveBytes DB [MOVES] [--dump]}; {@code --dump} prints the first single move's bytes, escaped.
 */
public final class MoveBytes {

    private static final long REPEAT_MS = 33;

    private final Deque<KeyStroke> keys = new ArrayDeque<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static void main(String[] args) throws Exception {
        int moves = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        new MoveBytes().run(args[0], moves, Arrays.asList(args).contains("--dump"));
    }

    void run(String db, int moves, boolean dump) throws Exception {
        Utf8StreamTerminal terminal = new Utf8StreamTerminal(
                new ByteArrayInputStream("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII)), out);
        TerminalScreen screen = new dev.modq.tui.lanterna.LeanScreen(terminal);
        screen.startScreen();
        try (Store store = Stores.open(db, OpenOptions.existing())) {
            Moderator me = store.moderator(Actors.osUser()).orElseThrow();
            QueueApp app = new QueueApp(screen, this::next, store, new ModerationService(store, me, Clock.systemUTC()),
                    new Session(store.shortName(), me.name(), me.role().label(), true), true,
                    Duration.ZERO, Clock.systemUTC());
            app.restBeforeDetail(TerminalUi.DETAIL_REST); // as in the real terminal
            app.start();
            settle(app);
            long[] single = new long[moves];
            for (int i = 0; i < moves; i++) {
                out.reset();
                keys.add(new KeyStroke('j', false, false));
                app.step(0);
                settle(app);
                single[i] = out.size();
                if (i == 0 && dump) {
                    System.err.println(escape(out.toByteArray()));
                }
            }
            app.step(0);
            keys.add(new KeyStroke('g', false, false));
            settle(app);
            out.reset();
            long loadsBefore = app.detailLoads();
            long t0 = System.nanoTime();
            for (int i = 0; i < moves; i++) {
                keys.add(new KeyStroke('j', false, false));
                app.step(0);
                long due = t0 + (i + 1) * REPEAT_MS * 1_000_000;
                while (System.nanoTime() < due) {
                    app.step(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
            }
            settle(app);
            long held = out.size();
            Arrays.sort(single);
            System.out.printf("single move: median %d bytes, max %d, min %d (%d moves, 80x24)%n",
                    single[moves / 2], single[moves - 1], single[0], moves);
            System.out.printf("held j (a key every %d ms): %d bytes for %d moves = %d bytes per move;"
                    + " details loaded %d%n", REPEAT_MS, held, moves, held / moves, app.detailLoads() - loadsBefore);
        }
        screen.stopScreen();
    }

    private KeyStroke next(long timeoutMs) {
        KeyStroke k = keys.poll();
        if (k == null && timeoutMs > 0) {
            sleep(timeoutMs);
        }
        return k;
    }

    /** Lets the app run for a quarter second with no keys, so every deferred draw is done. */
    private static void settle(QueueApp app) throws Exception {
        long until = System.nanoTime() + 250_000_000L;
        while (System.nanoTime() < until) {
            app.step(10);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String(bytes, StandardCharsets.UTF_8).split("(?=\u001b)")) {
            sb.append(part.replace("\u001b", "\\e"));
        }
        return sb.toString();
    }
}
