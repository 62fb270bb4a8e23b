package dev.modq.tui;

import dev.modq.core.Decision;
import dev.modq.core.QueueRow;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.core.query.QueryException;
import dev.modq.core.Status;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.ModerationService;
import dev.modq.store.Keyset;
import dev.modq.store.QueueOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pure update function: {@code (state, msg) -> (state, effects)}. No I/O, no clock, no terminal. */
public final class Reducer {

    /** The new state and the work the loop should do next. */
    public record Result(QueueState state, List<Effect> effects) {
        public Result {
            effects = List.copyOf(effects);
        }
    }

    private static final Map<String, String> REASONS = Map.of("s", "spam", "b", "abuse", "o", "off-topic", "x", "other");

    private Reducer() {
    }

    /** The effects to run when a session opens. */
    public static Result start(QueueState s) {
        QueueState n = s.withMessage(Message.info("? shows every key"));
        return new Result(n, List.of(loadFirst(n), new Effect.LoadCounts(null)));
    }

    public static Result update(QueueState s, Msg msg) {
        if (msg instanceof Msg.KeyPressed k) {
            return key(s, k.key());
        } else if (msg instanceof Msg.Resized r) {
            return resized(s, r.width(), r.height());
        } else if (msg instanceof Msg.Tick t) {
            return done(s.withNow(t.now()));
        } else if (msg instanceof Msg.DataChanged) {
            return dataChanged(s);
        } else if (msg instanceof Msg.WindowLoaded w) {
            return windowLoaded(s, w);
        } else if (msg instanceof Msg.CountsLoaded c) {
            return done(s.withCounts(c.counts(), c.filteredCount() != null ? c.filteredCount() : s.filteredCount()));
        } else if (msg instanceof Msg.DetailLoaded d) {
            return detailLoaded(s, d.detail());
        } else if (msg instanceof Msg.DetailMissing) {
            return done(s.withDetail(null));
        } else if (msg instanceof Msg.Written w) {
            return Answers.written(s, w);
        } else if (msg instanceof Msg.WritesWaiting w) {
            return done(s.withWrites(s.writes().waited(w.waitedMs(), w.heldByOther())));
        } else if (msg instanceof Msg.ActorLoaded a) {
            return Answers.actorLoaded(s, a);
        } else if (msg instanceof Msg.UndoableFound u) {
            return Answers.undoableFound(s, u.batch());
        } else if (msg instanceof Msg.TaggedAll t) {
            return taggedAll(s, t);
        } else if (msg instanceof Msg.JumpMissing j) {
            return Navigation.jumpMissing(s, j);
        } else if (msg instanceof Msg.SearchFound f) {
            return Navigation.searchFound(s, f);
        } else if (msg instanceof Msg.Failed f) {
            return done(s.withOverlay(Overlay.NONE).withMessage(Message.error(Sanitizer.clean(f.message()))));
        }
        return done(s);
    }

    /**
     * Another connection committed. The row under the cursor stays where it is, as the moderator saw it, even when
     * it was decided by someone else and left the view: the next key must not land on a comment they never saw.
     * Its detail is read again (it says who changed it), and so is the moderator's own role.
     */
    private static Result dataChanged(QueueState s) {
        List<Effect> fx = new ArrayList<>(4);
        fx.add(reloadAround(s, s.selected().map(QueueRow::id).orElse(null), Effect.Keep.SELECTED));
        fx.add(new Effect.LoadCounts(null));
        fx.add(new Effect.LoadActor());
        s.selected().ifPresent(r -> fx.add(new Effect.LoadDetail(r.id())));
        return new Result(s, fx);
    }

    // ---- keys ----

    private static Result key(QueueState given, Key k) {
        QueueState s = given.writes().failureShown() ? given.withWrites(given.writes().failureShown(false)) : given;
        Overlay o = s.overlay();
        if (o instanceof Overlay.Help h) {
            return helpKey(s, h, k);
        } else if (o instanceof Overlay.ReasonPicker) {
            return reasonKey(s, k);
        } else if (o instanceof Overlay.FilterPrompt p) {
            return filterKey(s, p, k);
        } else if (o instanceof Overlay.JumpPrompt || o instanceof Overlay.SearchPrompt
                || o instanceof Overlay.ConfirmQuit) {
            return Navigation.overlayKey(s, k);
        } else if (o instanceof Overlay.Confirm c) {
            return k.name().equals("y") ? decide(s.withOverlay(Overlay.NONE), c.decision(), c.reason(), true)
                    : done(s.withOverlay(Overlay.NONE).withMessage(Message.info("Not applied: nothing changed")));
        } else if (o instanceof Overlay.ConfirmUndo c) {
            return k.name().equals("y") ? Answers.sendUndo(s.withOverlay(Overlay.NONE), c.batch().id())
                    : done(s.withOverlay(Overlay.NONE).withMessage(Message.info("Not undone: nothing changed")));
        } else if (o instanceof Overlay.QuitWithWrites) {
            return k.name().equals("q") || k.name().equals("C-c") ? done(s.withOverlay(Overlay.NONE).withQuit())
                    : done(s.withOverlay(Overlay.NONE).withMessage(Message.info("Still waiting for the database")));
        }
        Optional<Action> action = Keymap.lookup(k, s.reading());
        if (Layout.of(s.width(), s.height()).tooSmall()) {
            return action.filter(a -> a == Action.QUIT || a == Action.REDRAW || a == Action.SUSPEND)
                    .map(a -> action(s, a)).orElse(done(s));
        }
        if (action.isEmpty()) {
            String name = Sanitizer.clean(Keymap.keyLabel(k.name()));
            return done(s.withMessage(Message.info("No key " + name + " here: press ? for help")));
        }
        return action(s, action.get());
    }

    private static Result action(QueueState s, Action a) {
        int h = s.listHeight();
        int page = Math.max(1, Layout.of(s.width(), s.height()).readingHeight() - 1);
        switch (a) {
            case MOVE_DOWN: return moveTo(s, s.cursor() + 1);
            case MOVE_UP: return moveTo(s, s.cursor() - 1);
            case PAGE_DOWN: return moveTo(s, s.cursor() + h);
            case PAGE_UP: return moveTo(s, s.cursor() - h);
            case FIRST: return s.atStart() ? moveTo(s, 0) : new Result(s, List.of(loadFirst(s)));
            case LAST: return s.atEnd() ? moveTo(s, s.rows().size() - 1) : new Result(s, List.of(loadLast(s)));
            case APPROVE: return decide(s, Decision.APPROVE, null, false);
            case FLAG: return decide(s, Decision.FLAG, null, false);
            case REJECT: return startReject(s);
            case UNDO: return Answers.undo(s);
            case TAG: return tag(s);
            case TAG_ALL: return tagAll(s);
            case NEXT_VIEW: return switchView(s, s.view().next(), s.filter(), null);
            case PREV_VIEW: return switchView(s, s.view().previous(), s.filter(), null);
            case FILTER: return done(s.withOverlay(new Overlay.FilterPrompt(s.filter().print())));
            case SORT: return sort(s);
            case READ: return s.selected().isPresent() ? done(s.withReading(true, 0)) : done(s);
            case CLOSE_READING: return done(s.withReading(false, 0));
            case SCROLL_DOWN: return scroll(s, 1);
            case SCROLL_UP: return scroll(s, -1);
            case SCROLL_PAGE_DOWN: return scroll(s, page);
            case SCROLL_PAGE_UP: return scroll(s, -page);
            case HELP: return done(s.withOverlay(new Overlay.Help(0)));
            case REDRAW: return new Result(s, List.of(new Effect.Redraw()));
            case QUIT: return Answers.quit(s);
            case SUSPEND: return new Result(s, List.of(new Effect.Suspend()));
            case JUMP: return done(s.withOverlay(new Overlay.JumpPrompt("")));
            case SEARCH: return done(s.withOverlay(new Overlay.SearchPrompt("")));
            case SEARCH_NEXT: return Navigation.searchAgain(s, true);
            case SEARCH_PREV: return Navigation.searchAgain(s, false);
            case NEXT_COMMENT: return moveTo(s, s.cursor() + 1);
            case PREV_COMMENT: return moveTo(s, s.cursor() - 1);
            case DETAIL_DOWN: return Navigation.scrollPane(s, 1);
            case DETAIL_UP: return Navigation.scrollPane(s, -1);
            default: return done(s);
        }
    }

    private static Result helpKey(QueueState s, Overlay.Help h, Key k) {
        int by = switch (k.name()) {
            case "j", "Down" -> 1;
            case "k", "Up" -> -1;
            case "Space", "PgDn" -> 10;
            case "b", "PgUp" -> -10;
            default -> 0;
        };
        if (by == 0) {
            return done(s.withOverlay(Overlay.NONE));
        }
        int max = Math.max(0, Renderer.helpLines(s.width()).size() - (Layout.of(s.width(), s.height()).messageRow() - 2));
        return done(s.withOverlay(new Overlay.Help(clamp(h.scroll() + by, 0, max))));
    }

    // ---- moving ----

    static Result moveTo(QueueState s, int target) {
        if (s.rows().isEmpty()) {
            return done(s);
        }
        int c = clamp(target, 0, s.rows().size() - 1);
        QueueState n = s.withCursor(c, scrollTop(s.top(), c, s.listHeight(), s.rows().size()));
        List<Effect> fx = new ArrayList<>(2);
        if (c != s.cursor()) {
            n = n.withReading(n.reading(), 0);
            fx.add(new Effect.LoadDetail(n.rows().get(c).id()));
        }
        prefetch(n, fx);
        return new Result(n, fx);
    }

    /** Keeps the window ahead of the cursor: reloads around it when fewer than a screenful remain on a side. */
    private static void prefetch(QueueState s, List<Effect> fx) {
        int h = s.listHeight();
        boolean nearEnd = !s.atEnd() && s.rows().size() - 1 - s.cursor() <= h;
        boolean nearStart = !s.atStart() && s.cursor() < h;
        if ((nearEnd || nearStart) && s.selected().isPresent()) {
            fx.add(reloadAround(s, s.selected().get().id(), Effect.Keep.SHOWN));
        }
    }

    static int scrollTop(int top, int cursor, int height, int size) {
        int t = top;
        if (cursor < t) {
            t = cursor;
        }
        if (cursor >= t + height) {
            t = cursor - height + 1;
        }
        t = Math.min(t, Math.max(0, size - height));
        return Math.max(0, t);
    }

    /** Switches between age and score order and starts at the top of the new order. */
    private static Result sort(QueueState s) {
        QueueState n = s.withOrder(s.order().next()).withMessage(Message.info("Sorted " + s.order().next().label()
                + (s.order().next() == QueueOrder.SCORE ? ": most likely spam first" : ": oldest first")));
        return new Result(n, List.of(new Effect.SetOrder(n.order()), loadFirst(n)));
    }

    private static Effect loadFirst(QueueState s) {
        return new Effect.LoadWindow(s.query(), new Effect.First(), 0, windowAfter(s), null);
    }

    private static Effect loadLast(QueueState s) {
        return new Effect.LoadWindow(s.query(), new Effect.Last(), windowAfter(s) + s.listHeight(), 0, null);
    }

    static Effect reloadAround(QueueState s, Long preferId, Effect.Keep keep) {
        Optional<Keyset> key = s.selectedKey();
        if (key.isEmpty()) {
            return loadFirst(s);
        }
        return new Effect.LoadWindow(s.query(), new Effect.At(key.get()), 2 * s.listHeight(), windowAfter(s), preferId,
                keep);
    }

    static int windowAfter(QueueState s) {
        return 2 * s.listHeight() + 1;
    }

    private static Result windowLoaded(QueueState s, Msg.WindowLoaded w) {
        List<QueueRow> rows = KeptRows.kept(s, w);
        int idx = -1;
        if (w.preferId() != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == w.preferId()) {
                    idx = i;
                    break;
                }
            }
        }
        if (idx < 0) {
            idx = rows.isEmpty() ? 0 : clamp(w.fallbackIndex(), 0, rows.size() - 1);
        }
        int screenRow = Math.max(0, s.cursor() - s.top());
        int top = scrollTop(Math.max(0, idx - screenRow), idx, s.listHeight(), rows.size());
        QueueState n = s.withWindow(rows, w.atStart(), w.atEnd(), idx, top);
        if (rows.isEmpty()) {
            return done(n.withDetail(null).withReading(false, 0));
        }
        QueueRow sel = rows.get(idx);
        Detail d = s.detail();
        if (d != null && d.id() == sel.id() && d.version() == sel.version()) {
            return done(n);
        }
        if (d == null || d.id() != sel.id()) {
            n = n.withReading(n.reading(), 0);
        }
        return new Result(n, List.of(new Effect.LoadDetail(sel.id())));
    }

    private static Result detailLoaded(QueueState s, Detail d) {
        Optional<QueueRow> sel = s.selected();
        if (sel.map(r -> r.id() != d.id()).orElse(true)) {
            return done(s); // the cursor moved on while it loaded
        }
        QueueState n = s.withDetail(d);
        boolean newsToShow = s.detail() == null || s.detail().id() != d.id() || s.detail().version() != d.version();
        if (KeptRows.changedSinceSeen(n) && newsToShow) {
            n = n.withMessage(Message.info(KeptRows.changeNotice(sel.get(), d, n.now())));
        }
        return done(n);
    }

    private static Result resized(QueueState s, int width, int height) {
        QueueState n = s.withSize(width, height);
        n = n.withCursor(n.cursor(), scrollTop(n.top(), n.cursor(), n.listHeight(), n.rows().size()));
        List<Effect> fx = new ArrayList<>(1);
        prefetch(n, fx);
        return new Result(n, fx);
    }

    // ---- reading view ----

    private static Result scroll(QueueState s, int by) {
        int lines = DetailText.lines(s.detail(), s.width(), s.now()).size();
        int max = Math.max(0, lines - Layout.of(s.width(), s.height()).readingHeight());
        return done(s.withReading(true, clamp(s.detailScroll() + by, 0, max)));
    }

    // ---- deciding ----

    private static Result startReject(QueueState s) {
        if (!s.session().canDecide()) {
            return viewerRefused(s);
        }
        if (s.tagged().isEmpty() && s.selected().isEmpty()) {
            return done(s.withMessage(Message.info("Nothing to reject")));
        }
        return done(s.withOverlay(new Overlay.ReasonPicker()));
    }

    private static Result reasonKey(QueueState s, Key k) {
        if (k.name().equals("Esc")) {
            return done(s.withOverlay(Overlay.NONE).withMessage(Message.info("Reject cancelled")));
        }
        if (k.name().equals("Enter")) {
            return decide(s.withOverlay(Overlay.NONE), Decision.REJECT, null, false);
        }
        String reason = REASONS.get(k.name());
        if (reason == null) {
            return done(s.withMessage(Message.error("Reason: s spam, b abuse, o off-topic, x other, Enter none, Esc cancels")));
        }
        return decide(s.withOverlay(Overlay.NONE), Decision.REJECT, reason, false);
    }

    /**
     * Sends the decision to the write queue with the id and the version of each comment as the moderator saw it,
     * and moves on at once (the write may wait for the database; the keys do not): the row shows the decision on
     * its way until the answer comes.
     */
    private static Result decide(QueueState s, Decision d, String reason, boolean confirmed) {
        if (!s.session().canDecide()) {
            return viewerRefused(s);
        }
        if (!s.tagged().isEmpty()) {
            if (ModerationService.needsConfirmation(s.tagged().size()) && !confirmed) {
                return done(s.withOverlay(new Overlay.Confirm(d, reason, s.tagged().size())));
            }
            List<Target> targets = s.tagged().entrySet().stream().map(e -> Target.seen(e.getKey(), e.getValue()))
                    .toList();
            QueueState n = s.withTagged(Map.of()).withWrites(s.writes().decisionSent(s.tagged().keySet(), d))
                    .withMessage(Message.info("Writing: " + d.verb() + " " + targets.size() + " tagged…"));
            return new Result(n, List.of(new Effect.Decide(d, targets, reason, true)));
        }
        Optional<QueueRow> row = s.selected();
        if (row.isEmpty()) {
            return done(s.withMessage(Message.info("Nothing to " + d.verb())));
        }
        QueueState n = s.withWrites(s.writes().decisionSent(List.of(row.get().id()), d));
        Result moved = moveTo(n, s.cursor() + 1 < s.rows().size() ? s.cursor() + 1 : s.cursor() - 1);
        List<Effect> fx = new ArrayList<>();
        fx.add(new Effect.Decide(d, List.of(Target.seen(row.get().id(), row.get().version())), reason, false));
        fx.addAll(moved.effects());
        return new Result(moved.state(), fx);
    }

    static Result viewerRefused(QueueState s) {
        return done(s.withMessage(Message.error(s.session().refusal())));
    }

    // ---- tagging ----

    private static Result tag(QueueState s) {
        Optional<QueueRow> row = s.selected();
        if (row.isEmpty()) {
            return done(s);
        }
        Map<Long, Long> tags = new LinkedHashMap<>(s.tagged());
        if (tags.remove(row.get().id()) == null) {
            tags.put(row.get().id(), row.get().version());
        }
        QueueState n = s.withTagged(tags).withMessage(Message.info(tags.size() + " tagged"
                + (tags.isEmpty() ? "" : ": a, r, f act on them")));
        return moveTo(n, n.cursor() + 1);
    }

    private static Result tagAll(QueueState s) {
        if (!s.tagged().isEmpty()) {
            int n = s.tagged().size();
            return done(s.withTagged(Map.of()).withMessage(Message.info("Untagged " + n)));
        }
        return new Result(s, List.of(new Effect.TagAll(s.query(), Keymap.TAG_ALL_CAP)));
    }

    private static Result taggedAll(QueueState s, Msg.TaggedAll t) {
        String text = t.capped()
                ? "Tagged the first " + String.format("%,d", t.cap()) + " matching (the cap): decide, then T T for the rest"
                : "Tagged " + t.tagged().size() + " matching: a, r, f act on them; T untags";
        return done(s.withTagged(t.tagged()).withMessage(Message.info(text)));
    }

    // ---- views and filter ----

    static Result switchView(QueueState s, View v, Query filter, String note) {
        int dropped = s.tagged().size();
        String text = note != null ? note : v.title() + (blank(filter) ? "" : " matching " + filter.print());
        if (dropped > 0) {
            text += " (" + dropped + " tags cleared)";
        }
        QueueState n = s.withView(v).withFilter(filter).withTagged(Map.of()).withReading(false, 0)
                .withOverlay(Overlay.NONE).withMessage(Message.info(Sanitizer.clean(text)))
                .withCounts(s.counts(), null).withCursor(0, 0);
        return new Result(n, List.of(loadFirst(n), countsEffect(n)));
    }

    static Effect countsEffect(QueueState s) {
        return new Effect.LoadCounts(blank(s.filter()) ? null : s.query());
    }

    private static Result filterKey(QueueState s, Overlay.FilterPrompt p, Key k) {
        switch (k.name()) {
            case "Esc":
                return done(s.withOverlay(Overlay.NONE).withMessage(Message.info("Filter unchanged")));
            case "Enter":
                return applyFilter(s, p.text());
            case "Backspace":
                return done(s.withOverlay(new Overlay.FilterPrompt(dropLast(p.text()))));
            case "C-u":
                return done(s.withOverlay(new Overlay.FilterPrompt("")));
            default:
                String typed = k.typed();
                return typed == null || p.text().length() > 500 ? done(s)
                        : done(s.withOverlay(new Overlay.FilterPrompt(p.text() + typed)));
        }
    }

    private static Result applyFilter(QueueState s, String text) {
        if (!text.isBlank() && text.strip().equals(s.filter().print())) {
            return done(s.withOverlay(Overlay.NONE).withMessage(Message.info(
                    "Filter unchanged: / then Ctrl-U, Enter clears it")));
        }
        Query q;
        try {
            q = Query.parse(text.strip());
        } catch (QueryException e) {
            String what = Sanitizer.clean(e.getMessage());
            String where = what.contains("column") ? "" : " (at column " + (e.position() + 1) + ")";
            return done(s.withMessage(Message.error("Filter: " + what + where + "; Esc keeps " + describe(s.filter()))));
        } catch (IllegalArgumentException e) {
            return done(s.withMessage(Message.error("Filter: " + Sanitizer.clean(e.getMessage()) + "; Esc keeps "
                    + describe(s.filter()))));
        }
        View v = s.view();
        Query f = q;
        Optional<Set<Status>> statuses = q.statuses();
        if (statuses.isPresent() && statuses.get().size() == 1) {
            v = View.of(statuses.get().iterator().next());
            f = q.withoutStatus();
        } else if (statuses.isPresent()) {
            v = View.ALL;
        }
        String note = blank(q) ? "Filter cleared" : "Filter: " + q.print();
        return switchView(s, v, f, note);
    }

    private static String describe(Query q) {
        return blank(q) ? "no filter" : "the filter " + q.print();
    }

    private static String dropLast(String s) {
        return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }

    // ---- helpers ----

    /** A query with no terms prints as "". */
    static boolean blank(Query q) {
        return q == null || q.print().isBlank();
    }

    static Result done(QueueState s) {
        return new Result(s, List.of());
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
