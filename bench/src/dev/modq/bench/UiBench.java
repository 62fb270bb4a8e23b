package dev.modq.bench;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;
import dev.modq.tui.Session;
import dev.modq.tui.lanterna.QueueApp;
import dev.modq.tui.lanterna.Utf8StreamTerminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process text-UI timings (not part of modq): the real {@link QueueApp} on a Lanterna stream terminal at
 * 80x24 whose output goes to a byte counter (so the escape sequences really are generated and counted), keys
 * fed straight to the app. Per key kind: a warm-up, then N timed keys, each timed from handing the key over to
 * the end of {@code step} (reducer, effects, database reads/writes, render, delta refresh written out).
 *
 * <p>Usage: {@code UiBench DB KEYS FILTERS OUT.json}. Prints one JSON object to OUT.json.
 */
public final class UiBench {

    /** Counts bytes; keeps nothing. */
    static final class Counter extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }

    private final Deque<KeyStroke> keys = new ArrayDeque<>();
    private final Counter out = new Counter();
    private QueueApp app;

    public static void main(String[] args) throws Exception {
        new UiBench().run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    }

    void run(String db, int n, int filters, Path json) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        // the terminal asks for its size with a cursor-position query: answer 24x80 up front
        Utf8StreamTerminal terminal = new Utf8StreamTerminal(
                new ByteArrayInputStream("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII)), out);
        TerminalScreen screen = new dev.modq.tui.lanterna.LeanScreen(terminal);
        screen.startScreen(); // not timed: the fake terminal's size handshake waits for a timeout
        long t0 = System.nanoTime();
        Store store = Stores.open(db, OpenOptions.existing());
        Moderator me = store.moderator(Actors.osUser()).orElseThrow();
        long tOpen = System.nanoTime();
        ModerationService service = new ModerationService(store, me, Clock.systemUTC());
        app = new QueueApp(screen, ms -> keys.poll(), store, service,
                new Session(store.shortName(), me.name(), me.role().label(), true), true,
                Duration.ZERO, Clock.systemUTC());
        app.start();
        long t1 = System.nanoTime();
        r.put("first_frame_in_process_ms", (t1 - t0) / 1e6);
        r.put("first_frame_open_store_ms", (tOpen - t0) / 1e6);
        r.put("first_frame_bytes", out.n);

        int warm = Math.max(50, n / 5);
        // move: j; at the end of the run, back to the top with g
        time(r, "move", "j", warm, n, true);
        press("g");
        time(r, "page_down", "PgDn", warm, n, false);
        press("g");
        time(r, "approve", "a", warm, n, false);
        press("g");
        // the queue by spam score (o): the same moves, keyset-paged by (score, id) instead of (created_at, id)
        press("o");
        time(r, "score_move", "j", warm, n, false);
        press("g");
        time(r, "score_page_down", "PgDn", warm, n, false);
        press("o");
        press("g");
        filter(r, Math.max(5, filters / 5), filters);

        System.gc();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        r.put("heap_peak_mb", peakHeap / 1048576.0);
        r.put("heap_live_after_gc_mb",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        r.put("heap_max_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        r.put("rss_peak_mb", vmHwmKb() / 1024.0);
        r.put("frames", app.frames());
        screen.stopScreen();
        store.close();
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            Object v = e.getValue();
            sb.append('"').append(e.getKey()).append("\":")
                    .append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.3f", d) : v);
        }
        Files.writeString(json, sb.append("}\n").toString());
    }

    private void press(String k) throws IOException {
        keys.add(stroke(k));
        app.step(0);
    }

    private void time(Map<String, Object> r, String name, String key, int warm, int n, boolean bytes)
            throws IOException {
        for (int i = 0; i < warm; i++) {
            press(key);
        }
        double[] ms = new double[n];
        long[] written = new long[n];
        for (int i = 0; i < n; i++) {
            keys.add(stroke(key));
            long before = out.n;
            long t = System.nanoTime();
            app.step(0);
            ms[i] = (System.nanoTime() - t) / 1e6;
            written[i] = out.n - before;
        }
        put(r, name, ms);
        if (bytes) {
            Arrays.sort(written);
            r.put(name + "_bytes_median", written[n / 2]);
            r.put(name + "_bytes_max", written[n - 1]);
        }
    }

    /** '/', the query, Enter: the Enter (the query applied, the first page read and drawn) is timed. */
    private void filter(Map<String, Object> r, int warm, int n) throws IOException {
        List<String> queries = List.of("text:housing", "author:alice", "links:>0", "text:budget");
        double[] ms = new double[n];
        for (int i = -warm; i < n; i++) {
            press("/");
            for (char c : queries.get(Math.floorMod(i, queries.size())).toCharArray()) {
                keys.add(new KeyStroke(c, false, false));
            }
            app.step(0);
            keys.add(new KeyStroke(KeyType.Enter));
            long t = System.nanoTime();
            app.step(0);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        put(r, "filter", ms);
    }

    private static void put(Map<String, Object> r, String name, double[] ms) {
        Arrays.sort(ms);
        r.put(name + "_median_ms", ms[ms.length / 2]);
        r.put(name + "_p99_ms", ms[(int) Math.ceil(ms.length * 0.99) - 1]);
        r.put(name + "_max_ms", ms[ms.length - 1]);
        r.put(name + "_samples", ms.length);
    }

    static KeyStroke stroke(String k) {
        return switch (k) {
            case "PgDn" -> new KeyStroke(KeyType.PageDown);
            case "Enter" -> new KeyStroke(KeyType.Enter);
            default -> new KeyStroke(k.charAt(0), false, false);
        };
    }

    static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
