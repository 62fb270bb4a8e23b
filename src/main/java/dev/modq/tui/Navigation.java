package dev.modq.tui;

import dev.modq.core.QueueRow;
import dev.modq.core.query.Query;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.Keyset;

import java.util.List;

/**
 * The reducer's part for finding a comment: jump by id ({@code #}), search without filtering ({@code s},
 * {@code n}, {@code N}), scrolling the detail pane from the queue, and the quit confirmation. Pure, as the
 * {@link Reducer}.
 */
final class Navigation {

    /** The longest id {@code #} takes: a long has 19 digits. */
    private static final int MAX_ID_DIGITS = 18;

    private Navigation() {
    }

    static Reducer.Result overlayKey(QueueState s, Key k) {
        Overlay o = s.overlay();
        if (o instanceof Overlay.ConfirmQuit) {
            boolean yes = k.name().equals("y") || k.name().equals("q") || k.name().equals("C-c");
            return Reducer.done(yes ? s.withQuit() : s.withOverlay(Overlay.NONE)
                    .withMessage(Message.info("Not quitting: the tags are kept")));
        }
        String text = o instanceof Overlay.JumpPrompt j ? j.digits() : ((Overlay.SearchPrompt) o).text();
        switch (k.name()) {
            case "Esc":
                return Reducer.done(s.withOverlay(Overlay.NONE).withMessage(Message.NONE));
            case "Backspace":
                return Reducer.done(s.withOverlay(edited(o, text.isEmpty() ? text
                        : text.substring(0, text.offsetByCodePoints(text.length(), -1)))));
            case "C-u":
                return Reducer.done(s.withOverlay(edited(o, "")));
            case "Enter":
                return o instanceof Overlay.JumpPrompt ? jump(s.withOverlay(Overlay.NONE), text)
                        : search(s.withOverlay(Overlay.NONE), text);
            default:
                String typed = k.typed();
                boolean accepted = typed != null && (o instanceof Overlay.JumpPrompt
                        ? Character.isDigit(typed.charAt(0)) && text.length() < MAX_ID_DIGITS
                        : text.length() <= 500);
                return Reducer.done(accepted ? s.withOverlay(edited(o, text + typed)) : s);
        }
    }

    private static Overlay edited(Overlay o, String text) {
        return o instanceof Overlay.JumpPrompt ? new Overlay.JumpPrompt(text) : new Overlay.SearchPrompt(text);
    }

    // ---- jump ----

    private static Reducer.Result jump(QueueState s, String digits) {
        if (digits.isEmpty()) {
            return Reducer.done(s.withMessage(Message.NONE));
        }
        long id = Long.parseLong(digits);
        int at = indexOf(s.rows(), id);
        if (at >= 0) {
            return Reducer.moveTo(s.withReading(false, 0).withMessage(Message.NONE), at);
        }
        return new Reducer.Result(s.withMessage(Message.info("Looking for #" + id + "...")),
                List.of(new Effect.Jump(s.query(), id, 2 * s.listHeight(), Reducer.windowAfter(s))));
    }

    /** Not in this view: the view of its status when no filter is set, else say where it is. */
    static Reducer.Result jumpMissing(QueueState s, Msg.JumpMissing j) {
        if (j.status() == null) {
            return Reducer.done(s.withMessage(Message.error("No comment #" + j.id())));
        }
        View v = View.of(j.status());
        if (!Reducer.blank(s.filter())) {
            return Reducer.done(s.withMessage(Message.error("#" + j.id() + " is " + j.status().label()
                    + " and outside the filter: / then Ctrl-U, Enter clears it")));
        }
        Reducer.Result switched = Reducer.switchView(s, v, s.filter(), "#" + j.id() + " is " + j.status().label()
                + ": showing " + v.title());
        QueueState n = switched.state();
        return new Reducer.Result(n, List.of(new Effect.Jump(n.query(), j.id(), 2 * n.listHeight(),
                Reducer.windowAfter(n)), switched.effects().get(1)));
    }

    // ---- search ----

    private static Reducer.Result search(QueueState s, String text) {
        if (text.isBlank()) {
            return Reducer.done(s.withSearch(Query.EMPTY).withMessage(Message.info("Search cleared")));
        }
        Query q;
        try {
            q = Query.parse(text.strip());
        } catch (IllegalArgumentException e) { // QueryException included
            return Reducer.done(s.withMessage(Message.error("Search: " + Sanitizer.clean(e.getMessage()))));
        }
        return find(s.withSearch(q), true, true);
    }

    static Reducer.Result searchAgain(QueueState s, boolean forward) {
        if (Reducer.blank(s.search())) {
            return Reducer.done(s.withMessage(Message.info("No search yet: s searches this view")));
        }
        return find(s, forward, false);
    }

    /** From the selected row (included when {@code fromHere}, as a fresh search may match it). */
    private static Reducer.Result find(QueueState s, boolean forward, boolean fromHere) {
        // the position just before the row (ids are integers) includes the row itself
        Keyset from = s.selectedKey().map(k -> fromHere ? s.order().justBefore(k) : k).orElse(null);
        return new Reducer.Result(s, List.of(new Effect.Search(s.query().and(s.search()), from, forward)));
    }

    static Reducer.Result searchFound(QueueState s, Msg.SearchFound f) {
        String what = Sanitizer.clean(s.search().print());
        if (f.id() == null) {
            return Reducer.done(s.withMessage(Message.error("No match for " + what + " in " + s.view().title())));
        }
        String note = "Search " + what + (f.wrapped() ? " (wrapped round)" : "") + ": n next, N previous";
        QueueState n = s.withMessage(Message.info(note));
        int at = indexOf(n.rows(), f.id());
        if (at >= 0) {
            return Reducer.moveTo(n, at);
        }
        return new Reducer.Result(n, List.of(new Effect.LoadWindow(n.query(), new Effect.AtId(f.id()),
                2 * n.listHeight(), Reducer.windowAfter(n), f.id())));
    }

    // ---- detail pane ----

    /** Half a detail pane at a time, as Ctrl-D/Ctrl-U do in less and vi. */
    static Reducer.Result scrollPane(QueueState s, int direction) {
        Layout l = Layout.of(s.width(), s.height());
        int lines = DetailText.lines(s.detail(), s.width() - 2, s.now()).size();
        int max = Math.max(0, lines - l.detailHeight() + 1);
        int by = Math.max(1, l.detailHeight() / 2) * direction;
        return Reducer.done(s.withReading(false, Reducer.clamp(s.detailScroll() + by, 0, max)));
    }

    private static int indexOf(List<QueueRow> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }
}
