package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import dev.modq.tui.EffectRunner;
import dev.modq.tui.Session;
import dev.modq.tui.WriteQueue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real database (of any backend), a virtual terminal, and the app stepped by hand: a scripted moderator session. Decisions go
 * through the real background write queue on a second connection, as in production; {@link #press} waits for their
 * answers (so a script reads like a user who looks at the screen after each key), {@link #typeAhead} does not.
 * Time is a hand-driven ticker: {@link #advance} moves it, nothing sleeps.
 */
final class TuiFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final Duration SETTLE = Duration.ofSeconds(20);
    /** The write connection's busy timeout when a test sets none (the store's own default). */
    static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

    final TestDatabase db;
    final Store store;
    final List<Comment> comments = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    DefaultVirtualTerminal vt;
    TerminalScreen screen;
    QueueApp app;
    Store writerStore;
    WriteQueue writes;
    Duration pollEvery = Duration.ZERO;
    /** The write connection's busy timeout; null: the default. */
    Integer writerBusyTimeoutMs;
    String actor = "alice";
    Clock clock = Clock.systemUTC();

    TuiFixture(Path dir) {
        this(TestStores.SQLITE, dir);
    }

    TuiFixture(TestStores.Backend backend, Path dir) {
        this.db = backend.fresh(dir, "modq.db");
        this.store = db.open(OpenMode.CREATE);
        Actors.bootstrapFirstAdmin(store, "alice");
        store.putModerator("bob", dev.modq.core.Role.MODERATOR);
    }

    static Comment comment(long id, String author, String body) {
        return new Comment(id, 1, null, author, author.toLowerCase().replace(' ', '.') + "@example.com", null,
                "192.0.2." + (id % 250), "test", body, CommentKind.COMMENT, T0.plusSeconds(id * 60), Status.PENDING,
                null, 0, "test", "c" + id);
    }

    TuiFixture with(Comment... cs) {
        comments.addAll(List.of(cs));
        return this;
    }

    TuiFixture withPending(int n) {
        for (int i = 1; i <= n; i++) {
            comments.add(comment(i, "Author " + i, "Comment number " + i));
        }
        return this;
    }

    TuiFixture withPendingFrom(int from, int to) {
        for (int i = from; i <= to; i++) {
            comments.add(comment(i, "Author " + i, "Comment number " + i));
        }
        return this;
    }

    TuiFixture open(int cols, int rows) throws IOException {
        store.bulkLoad("test data", w -> {
            w.post(new Post(1, "Hello world", "https://blog.example/hello", "editor", T0.minusSeconds(3600), "test", "p1"));
            for (Comment c : comments) {
                w.comment(c);
            }
        });
        vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new LeanScreen(vt);
        screen.startScreen();
        writerStore = store.openAnother(writerBusyTimeoutMs == null ? DEFAULT_BUSY_TIMEOUT_MS : writerBusyTimeoutMs);
        dev.modq.core.Moderator me = store.moderator(actor).orElseThrow();
        ModerationService service = new ModerationService(writerStore, me, clock);
        writes = WriteQueue.background(new EffectRunner(writerStore, service, clock), nanos::get);
        app = new QueueApp(screen, QueueApp.polling(screen), store, service, writes,
                Session.of("modq.db", actor, me.role().label(), me.role().canDecide(), true), true, pollEvery,
                clock, nanos::get);
        app.start();
        return this;
    }

    /** Types keys one at a time, each after the answers of the writes before it are on screen. */
    TuiFixture press(String... keys) throws IOException {
        for (String k : keys) {
            vt.addInput(stroke(k));
            app.step(0);
            settle();
        }
        return this;
    }

    /** Types keys as one burst, the loop taking them all in one step; writes are not waited for. */
    TuiFixture typeAhead(String... keys) throws IOException {
        for (String k : keys) {
            vt.addInput(stroke(k));
        }
        app.step(0);
        return this;
    }

    /** Waits until every write sent is answered and shows the answers. */
    TuiFixture settle() throws IOException {
        assertTrue(app.settleWrites(SETTLE), "the writes were not answered within " + SETTLE);
        return this;
    }

    /** Moves the ticker on (polls, ticks and the waiting notice fall due), then steps once. */
    TuiFixture advance(Duration d) throws IOException {
        nanos.addAndGet(d.toNanos());
        app.step(0);
        return this;
    }

    static KeyStroke stroke(String k) {
        switch (k) {
            case "Enter": return new KeyStroke(KeyType.Enter);
            case "Tab": return new KeyStroke(KeyType.Tab);
            case "S-Tab": return new KeyStroke(KeyType.ReverseTab);
            case "Esc": return new KeyStroke(KeyType.Escape);
            case "Down": return new KeyStroke(KeyType.ArrowDown);
            case "Up": return new KeyStroke(KeyType.ArrowUp);
            case "PgDn": return new KeyStroke(KeyType.PageDown);
            case "PgUp": return new KeyStroke(KeyType.PageUp);
            case "Home": return new KeyStroke(KeyType.Home);
            case "End": return new KeyStroke(KeyType.End);
            case "Backspace": return new KeyStroke(KeyType.Backspace);
            case "Space": return new KeyStroke(' ', false, false);
            default:
                if (k.startsWith("C-")) {
                    return new KeyStroke(k.charAt(2), true, false);
                }
                return new KeyStroke(k.charAt(0), false, false);
        }
    }

    TuiFixture type(String text) throws IOException {
        for (char c : text.toCharArray()) {
            vt.addInput(new KeyStroke(c, false, false));
        }
        app.step(0);
        return this;
    }

    /** What the virtual terminal shows, row by row (wide characters once). */
    String screenText() {
        TerminalSize size = vt.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            sb.append(row(y)).append('\n');
        }
        return sb.toString();
    }

    String row(int y) {
        StringBuilder sb = new StringBuilder();
        int cols = vt.getTerminalSize().getColumns();
        for (int x = 0; x < cols; x++) {
            TextCharacter c = vt.getCharacter(new TerminalPosition(x, y));
            sb.append(c.getCharacterString());
            if (c.isDoubleWidth()) {
                x++;
            }
        }
        return sb.toString();
    }

    String messageLine() {
        return row(vt.getTerminalSize().getRows() - 2).strip();
    }

    Status status(long id) {
        return store.comment(id).orElseThrow().status();
    }

    String reason(long id) {
        return store.comment(id).orElseThrow().reason();
    }

    long selectedId() {
        return app.state().selected().orElseThrow().id();
    }

    @Override
    public void close() throws IOException {
        if (screen != null) {
            screen.stopScreen();
        }
        if (writes != null) {
            writes.close();
            writes.awaitAnswered(SETTLE);
        }
        if (writerStore != null) {
            writerStore.close();
        }
        store.close();
    }
}
