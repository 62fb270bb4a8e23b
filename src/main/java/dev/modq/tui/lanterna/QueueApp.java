package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.modq.service.ModerationService;
import dev.modq.core.query.Query;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.tui.Action;
import dev.modq.tui.Effect;
import dev.modq.tui.EffectRunner;
import dev.modq.tui.Frame;
import dev.modq.tui.Key;
import dev.modq.tui.Keymap;
import dev.modq.tui.Message;
import dev.modq.tui.Msg;
import dev.modq.tui.Overlay;
import dev.modq.tui.QueueState;
import dev.modq.tui.Reducer;
import dev.modq.tui.Renderer;
import dev.modq.tui.Session;
import dev.modq.tui.WriteQueue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The event loop over a Lanterna {@link Screen}: keys in, reducer, effects, renderer, delta refresh.
 * It can be stepped by a test or a benchmark ({@link #step}) on a virtual terminal, or {@link #run} on a real one.
 * Typed-ahead keys are all applied before the (one) detail load and repaint, so holding {@code j} never lags.
 * Decisions and undos go to a {@link WriteQueue} and never run on this loop; their answers are picked up by
 * {@link #step}. Time comes from the injected {@link Clock} (what the screen shows) and a monotonic ticker in
 * nanoseconds (when to poll, tick, and say that a write is waiting), so tests drive both by hand.
 * With a rest set ({@link #restBeforeDetail}), a move's detail pane waits until no move key has come for that
 * long: a held key (30 repeats a second over SSH) sends the list rows only, and the detail once at the end.
 */
public final class QueueApp {

    /** Where keys come from: polled from the screen, or queued by a reader thread. */
    public interface Input {
        /** The next key, waiting up to {@code timeoutMs} (0: only what is already there); null when none. */
        KeyStroke next(long timeoutMs) throws IOException;
    }

    /** Gives the terminal back to the shell and stops the process (Ctrl-Z), and takes it again after {@code fg}. */
    public interface Suspender {
        /** Restores the terminal and stops the process; returns once the process is continued. */
        void suspend() throws IOException;

        /** Takes the terminal again (raw mode, private screen) after the process was continued. */
        void resume() throws IOException;
    }

    private static final Duration TICK = Duration.ofSeconds(5);
    /** A write still unanswered after this is waiting for another writer's lock: the screen says so. */
    static final Duration WAIT_NOTICE = Duration.ofMillis(300);

    private final Screen screen;
    private final Store store;
    private final EffectRunner runner;
    private final Palette palette;
    private final Input input;
    private final Clock clock;
    private final LongSupplier ticker;
    private final WriteQueue writes;
    private final long pollEveryNanos;
    private final Deque<Msg> inbox = new ArrayDeque<>();

    private QueueState state;
    private Frame shown;
    private Effect.LoadDetail pendingDetail;
    private Duration detailRest = Duration.ZERO;
    /** When the last cursor move was handled (clock millis); its detail is due {@link #detailRest} later. */
    private long lastMoveAt;
    private boolean lastKeyMoved;
    private long detailLoads;
    /** A filtered count waits until the frame is drawn and no key is queued: it may scan many rows. */
    private Query pendingFilteredCount;
    private KeyStroke pushedBack;
    private boolean fullRedraw = true;
    private long dataVersion;
    private long lastPoll;
    private long lastTick;
    private long shownWaitSeconds = -1;
    private boolean shownHeld;
    private long frames;
    private volatile boolean stopped;
    private Suspender suspender;
    private String startNote;
    private volatile boolean suspendRequested;
    private volatile boolean continued;

    /**
     * @param pollEvery how often to look for other writers' changes; {@link Duration#ZERO} turns polling off
     */
    public QueueApp(Screen screen, Input input, Store store, ModerationService service, Session session,
                    boolean color, Duration pollEvery, Clock clock) {
        this(screen, input, store, service, WriteQueue.inline(new EffectRunner(store, service, clock), System::nanoTime),
                session, color, pollEvery, clock, System::nanoTime);
    }

    /**
     * @param service the acting moderator (reads use {@code store})
     * @param writes where decisions and undos go: {@link WriteQueue#background} over a connection of its own
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} outside tests)
     */
    public QueueApp(Screen screen, Input input, Store store, ModerationService service, WriteQueue writes,
                    Session session, boolean color, Duration pollEvery, Clock clock, LongSupplier ticker) {
        this.screen = screen;
        this.input = input;
        this.store = store;
        this.runner = new EffectRunner(store, service, clock);
        this.writes = writes;
        this.palette = new Palette(color);
        this.clock = clock;
        this.ticker = ticker;
        this.pollEveryNanos = pollEvery.toNanos();
        TerminalSize size = screen.getTerminalSize();
        this.state = QueueState.initial(session, size.getColumns(), size.getRows(), clock.instant());
    }

    /** Keys polled straight from the screen: for virtual terminals in tests and benchmarks. */
    public static Input polling(Screen screen) {
        return timeoutMs -> {
            long until = System.nanoTime() + timeoutMs * 1_000_000;
            KeyStroke k = screen.pollInput();
            while (k == null && System.nanoTime() < until) {
                sleep(1);
                k = screen.pollInput();
            }
            return k;
        };
    }

    /** Loads the first window and counts, then draws the first frame. */
    public void start() throws IOException {
        dataVersion = store.changes().version();
        lastPoll = ticker.getAsLong();
        lastTick = lastPoll;
        apply(Reducer.start(state));
        if (startNote != null) {
            state = state.withMessage(Message.info(startNote));
        }
        drain();
        render();
        scoreSoon();
    }

    /**
     * Handles every key available within {@code timeoutMs} (and those typed ahead), a resize, other writers'
     * changes; repaints if anything changed. Returns false once the user quit.
     */
    public boolean step(long timeoutMs) throws IOException {
        boolean dirty = suspendOrResumeIfAsked();
        KeyStroke ks = pushedBack != null ? pushedBack : input.next(dirty ? 0 : waitAtMost(timeoutMs));
        pushedBack = null;
        while (ks != null && !state.quit()) {
            if (ks.getKeyType() == KeyType.EOF) {
                stop();
                return false;
            }
            Key key = Keys.of(ks);
            if (key.name().startsWith("M-")) {
                // no Alt bindings: ESC then a key typed quickly reads as Alt-key; take it as both
                dispatch(new Msg.KeyPressed(Key.of("Esc")));
                key = Key.ofChar(key.name().charAt(2));
            }
            keyPressed(key);
            dirty = true;
            ks = input.next(0);
        }
        if (state.quit() || stopped) {
            return false;
        }
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null) {
            fullRedraw = true;
            dispatch(new Msg.Resized(resized.getColumns(), resized.getRows()));
            dirty = true;
        }
        dirty |= collectWrites();
        dirty |= pollOthers();
        dirty |= tick();
        if (dirty || !inbox.isEmpty() || detailDue()) {
            drain();
            render();
        }
        countWhenIdle();
        return !state.quit() && !stopped;
    }

    /** Runs a deferred filtered count once nothing is typed ahead, then shows it. */
    private void countWhenIdle() throws IOException {
        if (pendingFilteredCount == null || state.quit() || stopped) {
            return;
        }
        pushedBack = input.next(0);
        if (pushedBack != null) {
            return;
        }
        Query query = pendingFilteredCount;
        pendingFilteredCount = null;
        runner.run(new Effect.LoadCounts(query)).ifPresent(inbox::add);
        drain();
        render();
    }

    /** Steps until the user quits or {@link #stop} is called. */
    public void run() throws IOException {
        while (step(50)) {
            // each step waits for input up to 50 ms, so change polling keeps its pace when idle
        }
    }

    /** Ends {@link #run} from another thread (the shutdown hook on SIGTERM). */
    public void stop() {
        stopped = true;
    }

    public QueueState state() {
        return state;
    }

    /** The last frame drawn. */
    public Frame frame() {
        return shown;
    }

    /** Frames drawn so far (for benchmarks). */
    public long frames() {
        return frames;
    }

    /** Feeds a message as if it came from outside (tests; e.g. a data change without waiting for the poll). */
    public void send(Msg msg) throws IOException {
        dispatch(msg);
        drain();
        render();
    }

    /** Takes the write queue's answers, and says (once a second) that the oldest write is still waiting. */
    private boolean collectWrites() {
        boolean any = false;
        for (Msg m = writes.poll(); m != null; m = writes.poll()) {
            dispatch(m);
            any = true;
        }
        OptionalLong sent = writes.oldestSentAt();
        long waited = sent.isPresent() ? ticker.getAsLong() - sent.getAsLong() : 0;
        if (waited < WAIT_NOTICE.toNanos()) {
            shownWaitSeconds = -1;
            return any;
        }
        long seconds = Duration.ofNanos(waited).toSeconds();
        boolean held = writes.busy();
        if (seconds != shownWaitSeconds || held != shownHeld) {
            shownWaitSeconds = seconds;
            shownHeld = held;
            dispatch(new Msg.WritesWaiting(Duration.ofNanos(waited).toMillis(), held));
            any = true;
        }
        return any;
    }

    /** Blocks until every write sent so far is answered, then shows the answers (tests; false on timeout). */
    public boolean settleWrites(Duration timeout) throws IOException {
        boolean answered = writes.awaitAnswered(timeout);
        step(0);
        return answered;
    }

    /**
     * New comments, or a model that learned enough since the stored scores: a few get fresh scores on the write
     * thread (when it is idle), the next poll shows them, and asks for the next few.
     */
    private void scoreSoon() {
        if (writes.waiting() == 0 && pollEveryNanos > 0) {
            writes.submit(new Effect.ScoreDue());
        }
    }

    private boolean pollOthers() {
        if (pollEveryNanos <= 0 || ticker.getAsLong() - lastPoll < pollEveryNanos) {
            return false;
        }
        lastPoll = ticker.getAsLong();
        long now;
        try {
            now = store.changes().version();
        } catch (StoreException e) {
            // a missed poll only delays freshness; the next one, half a second later, catches up
            return false;
        }
        if (now == dataVersion) {
            return false;
        }
        dataVersion = now;
        dispatch(new Msg.DataChanged());
        scoreSoon();
        return true;
    }

    private boolean tick() {
        if (ticker.getAsLong() - lastTick < TICK.toNanos()) {
            return false;
        }
        lastTick = ticker.getAsLong();
        dispatch(new Msg.Tick(clock.instant()));
        return true;
    }

    /**
     * Sets how long the cursor must rest before the detail pane of the comment under it is loaded and drawn
     * ({@link Duration#ZERO}: at once, for scripted tests).
     */
    public void restBeforeDetail(Duration rest) {
        this.detailRest = rest;
    }

    /** How many times a comment's detail was loaded (tests and benchmarks: held keys must not load each row). */
    public long detailLoads() {
        return detailLoads;
    }

    /** A line to show on the message line when the queue opens instead of the usual hint (null: none). */
    public void noteAtStart(String note) {
        this.startNote = note;
    }

    /** Who gives the terminal back on Ctrl-Z; without one (virtual terminals) Ctrl-Z says it cannot. */
    public void suspendWith(Suspender s) {
        this.suspender = s;
    }

    /** A SIGTSTP from outside (kill -TSTP): suspend at the next step, as Ctrl-Z does. Any thread. */
    public void requestSuspend() {
        suspendRequested = true;
    }

    /** A SIGCONT: something else stopped and continued the process; take the terminal again. Any thread. */
    public void continued() {
        continued = true;
    }

    private boolean suspendOrResumeIfAsked() throws IOException {
        if (suspendRequested) {
            suspendRequested = false;
            suspend();
            return true;
        }
        if (continued && suspender != null) {
            continued = false;
            suspender.resume();
            fullRedraw = true;
            return true;
        }
        return false;
    }

    private void suspend() {
        if (suspender == null) {
            state = state.withMessage(Message.info("Ctrl-Z: this terminal cannot be suspended"));
            return;
        }
        try {
            suspender.suspend();
            continued = false; // this continue is ours: resume once, below
            suspender.resume();
        } catch (IOException | RuntimeException e) {
            state = state.withMessage(Message.error("Ctrl-Z: " + e.getMessage()));
        }
        fullRedraw = true;
    }

    /** A key other than a cursor move acts on the comment (or reads it): its detail is loaded before. */
    private void keyPressed(Key key) {
        boolean move = state.overlay() instanceof Overlay.None && !state.reading()
                && Keymap.lookup(key, false).map(Action::isMove).orElse(false);
        if (!move) {
            loadDetail();
        }
        dispatch(new Msg.KeyPressed(key));
        lastKeyMoved = move;
        if (move) {
            lastMoveAt = clock.millis();
        }
    }

    /** A pending detail is due unless the cursor is still moving (a move came less than the rest ago). */
    private boolean detailDue() {
        return pendingDetail != null
                && (!lastKeyMoved || detailRest.isZero() || clock.millis() - lastMoveAt >= detailRest.toMillis());
    }

    /** Waits no longer for keys than until a deferred detail is due. */
    private long waitAtMost(long timeoutMs) {
        if (pendingDetail == null || detailDue()) {
            return timeoutMs;
        }
        long left = detailRest.toMillis() - (clock.millis() - lastMoveAt);
        return Math.max(1, Math.min(timeoutMs, left));
    }

    private void dispatch(Msg msg) {
        inbox.add(msg);
        while (!inbox.isEmpty()) {
            apply(Reducer.update(state, inbox.poll()));
        }
    }

    private void apply(Reducer.Result result) {
        state = result.state();
        for (Effect e : result.effects()) {
            if (e instanceof Effect.LoadDetail d) {
                pendingDetail = d; // the last one wins: only the comment the cursor rests on is loaded
            } else if (e instanceof Effect.Redraw) {
                fullRedraw = true;
            } else if (e instanceof Effect.Write w) {
                writes.submit(w);
            } else if (e instanceof Effect.Suspend) {
                suspend();
            } else if (e instanceof Effect.LoadCounts c && c.filtered() != null) {
                pendingFilteredCount = c.filtered();
                runner.run(new Effect.LoadCounts(null)).ifPresent(inbox::add);
            } else {
                runner.run(e).ifPresent(inbox::add);
            }
        }
    }

    private void drain() {
        while (!inbox.isEmpty()) {
            apply(Reducer.update(state, inbox.poll()));
        }
        if (detailDue()) {
            loadDetail();
        }
    }

    private void loadDetail() {
        if (pendingDetail == null) {
            return;
        }
        Effect.LoadDetail d = pendingDetail;
        pendingDetail = null;
        detailLoads++;
        Optional<Msg> loaded = runner.run(d);
        loaded.ifPresent(m -> apply(Reducer.update(state, m)));
        while (!inbox.isEmpty()) {
            apply(Reducer.update(state, inbox.poll()));
        }
    }

    private void render() throws IOException {
        if (stopped) {
            return;
        }
        Frame f = Renderer.render(state);
        boolean all = fullRedraw || shown == null || shown.width() != f.width() || shown.height() != f.height();
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                String cell = f.cell(x, y);
                if (cell == null) {
                    continue; // right half of a wide character: the screen fills it
                }
                if (all || !cell.equals(shown.cell(x, y)) || f.style(x, y) != shown.style(x, y)
                        || shown.cell(x, y) == null) {
                    screen.setCharacter(x, y, palette.cell(cell, f.style(x, y)));
                }
            }
        }
        screen.setCursorPosition(f.hasCursor() ? new TerminalPosition(f.cursorCol(), f.cursorRow()) : null);
        screen.refresh(fullRedraw ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        fullRedraw = false;
        shown = f;
        frames++;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For {@link Key}-level tests: the key a stroke becomes. */
    static Key keyOf(KeyStroke ks) {
        return Keys.of(ks);
    }
}
