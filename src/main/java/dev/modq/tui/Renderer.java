package dev.modq.tui;

import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.RelativeTime;
import dev.modq.core.text.Sanitizer;

import java.util.ArrayList;
import java.util.List;

/** The pure view function: {@code state -> Frame}. Never throws on any content; store strings are sanitised. */
public final class Renderer {

    private static final String RULE = "\u2500";

    private Renderer() {
    }

    public static Frame render(QueueState s) {
        Frame f = new Frame(s.width(), s.height());
        Layout l = Layout.of(s.width(), s.height());
        if (l.tooSmall()) {
            tooSmall(f, s);
            return f;
        }
        header(f, s);
        if (s.reading()) {
            reading(f, s, l);
        } else {
            tabs(f, s);
            list(f, s, l);
            separator(f, s, l);
            detailPane(f, s, l);
        }
        messageLine(f, s, l);
        footer(f, s, l);
        if (s.overlay() instanceof Overlay.Help h) {
            help(f, l, h.scroll());
        }
        return f;
    }

    private static void tooSmall(Frame f, QueueState s) {
        String[] lines = {"modq: terminal too small",
                "need " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + ", have " + s.width() + "x" + s.height(),
                "enlarge the window, or press q to quit"};
        int top = Math.max(0, (s.height() - lines.length) / 2);
        for (int i = 0; i < lines.length; i++) {
            int col = Math.max(0, (s.width() - DisplayWidth.of(lines[i])) / 2);
            f.put(col, top + i, lines[i], i == 0 ? Style.WARNING : Style.NORMAL);
        }
    }

    private static void header(Frame f, QueueState s) {
        f.fillRow(0, Style.HEADER);
        Session se = s.session();
        int c = f.put(0, 0, " modq  " + se.database() + "  " + se.moderator() + " (" + se.role() + ")", Style.HEADER);
        StringBuilder right = new StringBuilder(s.order().label());
        if (!Reducer.blank(s.filter())) {
            right.append("  ");
            right.append("filter: ").append(Sanitizer.clean(s.filter().print()));
            if (s.filteredCount() != null) {
                right.append(" (").append(s.filteredCount() > Effect.LoadCounts.FILTERED_CAP
                        ? String.format("%,d+", Effect.LoadCounts.FILTERED_CAP) : s.filteredCount()).append(')');
            }
        }
        if (!s.tagged().isEmpty()) {
            right.append(right.length() > 0 ? "  " : "").append(s.tagged().size()).append(" tagged");
        }
        if (right.length() > 0) {
            String text = DisplayWidth.truncate(right.toString(), Math.max(0, f.width() - c - 3));
            f.put(f.width() - DisplayWidth.of(text) - 1, 0, text, Style.HEADER);
        }
    }

    private static void tabs(Frame f, QueueState s) {
        int c = 1;
        long all = 0;
        for (Status st : Status.values()) {
            all += s.counts().getOrDefault(st, 0L);
        }
        for (View v : View.values()) {
            long n = v.status().map(st -> s.counts().getOrDefault(st, 0L)).orElse(all);
            boolean active = v == s.view();
            String label = (active ? "[" : " ") + v.title() + " " + n + (active ? "]" : " ");
            c = f.put(c, 1, label, active ? Style.TAB_ACTIVE : Style.TAB) + 1;
        }
    }

    private static void list(Frame f, QueueState s, Layout l) {
        if (s.rows().isEmpty()) {
            String what = Reducer.blank(s.filter()) ? "No " + s.view().title().toLowerCase() + " comments"
                    : "Nothing in " + s.view().title() + " matches the filter";
            f.put(2, l.listTop(), what + ". Tab shows other views" + (Reducer.blank(s.filter()) ? "." : ", / changes the filter."),
                    Style.DIM);
            return;
        }
        // the score column's four cells come out of the post title's
        int titleW = 20 - SCORE_CELLS + (f.width() - Layout.MIN_WIDTH) / 5;
        int authorW = 14 + (f.width() - Layout.MIN_WIDTH) / 8;
        for (int i = 0; i < l.listHeight(); i++) {
            int idx = s.top() + i;
            if (idx >= s.rows().size()) {
                break;
            }
            row(f, s, s.rows().get(idx), idx == s.cursor(), l.listTop() + i, titleW, authorW);
        }
    }

    private static void row(Frame f, QueueState s, QueueRow r, boolean selected, int y, int titleW, int authorW) {
        Style base = selected ? Style.SELECTED : Style.NORMAL;
        f.fillRow(y, base);
        boolean tagged = s.tagged().containsKey(r.id());
        dev.modq.core.Decision sending = s.writes().inFlight().get(r.id());
        boolean changed = selected && KeptRows.changedSinceSeen(s);
        f.put(0, y, selected ? ">" : " ", base);
        f.put(1, y, changed ? "!" : sending != null ? "~" : tagged ? "*" : " ", selected ? base : Style.TAGGED);
        Status shown = sending != null ? sending.target() : changed ? s.detail().status() : r.status();
        f.put(2, y, mark(shown), selected ? base : statusStyle(shown));
        RuleMarks.held(f, 3, y, r, shown, selected ? base : Style.WARNING);
        f.put(4, y, scoreCell(r.score()), selected ? base : scoreStyle(r.score()));
        String age = DisplayWidth.padLeft(RelativeTime.compact(r.createdAt(), s.now()), 4);
        int c = f.put(4 + SCORE_CELLS, y, age, selected ? base : Style.DIM) + 1;
        c = f.put(c, y, DisplayWidth.fit(Sanitizer.clean(r.postTitle()), titleW), base) + 1;
        c = f.put(c, y, DisplayWidth.fit(Sanitizer.clean(r.authorName()), authorW), base) + 1;
        f.put(c, y, DisplayWidth.truncate(Sanitizer.clean(r.excerpt()), f.width() - c), base);
    }

    /** The score column: three cells and a space. */
    static final int SCORE_CELLS = 4;

    /** The stored spam score right-aligned in three cells; blank while unscored (or the model is not ready). */
    static String scoreCell(int score) {
        return score < 0 ? "   " : DisplayWidth.padLeft(String.valueOf(score), 3);
    }

    private static Style scoreStyle(int score) {
        return score >= 90 ? Style.WARNING : Style.DIM;
    }

    static String mark(Status st) {
        switch (st) {
            case APPROVED: return "A";
            case REJECTED: return "R";
            case FLAGGED: return "F";
            default: return "P";
        }
    }

    private static Style statusStyle(Status st) {
        switch (st) {
            case APPROVED: return Style.APPROVED;
            case REJECTED: return Style.REJECTED;
            case FLAGGED: return Style.FLAGGED;
            default: return Style.PENDING;
        }
    }

    private static void separator(Frame f, QueueState s, Layout l) {
        int y = l.separatorRow();
        f.put(0, y, RULE.repeat(f.width()), Style.DIM);
        String more = (s.atEnd() && s.top() + l.listHeight() >= s.rows().size()) ? "" : " more below ";
        if (!more.isEmpty()) {
            f.put(f.width() - DisplayWidth.of(more) - 2, y, more, Style.DIM);
        }
        s.selected().ifPresent(r -> f.put(2, y, " #" + r.id() + " " + statusLine(s, r) + " ",
                KeptRows.changedSinceSeen(s) ? Style.WARNING : Style.TITLE));
    }

    /** "pending", "approving…" while a decision is on its way, "approved by bob 3s ago" after another writer's. */
    private static String statusLine(QueueState s, QueueRow r) {
        dev.modq.core.Decision sending = s.writes().inFlight().get(r.id());
        if (sending != null) {
            return r.status().label() + ", " + sending.verb() + " on its way";
        }
        if (!KeptRows.changedSinceSeen(s)) {
            return r.status().label();
        }
        Detail d = s.detail();
        String age = d.lastChange() == null ? "" : RelativeTime.compact(d.lastChange().at(), s.now());
        String by = d.lastChange() == null ? "" : " by " + d.lastChange().moderator()
                + (age.equals("now") ? " just now" : " " + age + " ago");
        return "now " + d.status().label() + by + ", since you saw it";
    }

    private static void detailPane(Frame f, QueueState s, Layout l) {
        if (s.selected().isEmpty() || s.detail() == null) {
            return;
        }
        List<DetailText.Line> all = DetailText.lines(s.detail(), f.width() - 2, s.now());
        // Ctrl-D/Ctrl-U scroll the pane from the queue; a move puts it back at the top
        List<DetailText.Line> lines = all.subList(Math.min(s.detailScroll(), all.size()), all.size());
        int shown = Math.min(l.detailHeight(), lines.size());
        boolean more = lines.size() > l.detailHeight();
        for (int i = 0; i < shown; i++) {
            if (more && i == shown - 1) {
                f.put(1, l.detailTop() + i, "\u2026 " + (lines.size() - shown + 1)
                        + " more lines: Ctrl-D scrolls, Enter reads it all", Style.DIM);
            } else {
                f.put(1, l.detailTop() + i, lines.get(i).text(), lines.get(i).style());
            }
        }
    }

    private static void reading(Frame f, QueueState s, Layout l) {
        boolean changed = KeptRows.changedSinceSeen(s);
        f.fillRow(1, changed ? Style.WARNING : Style.TITLE);
        String title = s.detail() == null ? " loading..." : s.selected().filter(r -> r.id() == s.detail().id())
                .map(r -> " #" + r.id() + " " + statusLine(s, r)).orElse(" #" + s.detail().id() + " "
                        + s.detail().status().label()) + (changed ? "" : " on " + s.detail().postTitle());
        f.put(0, 1, title, changed ? Style.WARNING : Style.TITLE);
        List<DetailText.Line> lines = DetailText.lines(s.detail(), f.width() - 2, s.now());
        int h = l.readingHeight();
        for (int i = 0; i < h && s.detailScroll() + i < lines.size(); i++) {
            DetailText.Line line = lines.get(s.detailScroll() + i);
            f.put(1, 2 + i, line.text(), line.style());
        }
        if (lines.size() > h) {
            String pos = " lines " + (s.detailScroll() + 1) + "-" + Math.min(lines.size(), s.detailScroll() + h)
                    + " of " + lines.size() + " ";
            f.put(f.width() - DisplayWidth.of(pos) - 1, 1, pos, Style.TITLE);
        }
    }

    private static void messageLine(Frame f, QueueState s, Layout l) {
        int y = l.messageRow();
        Overlay o = s.overlay();
        String subject = s.tagged().isEmpty() ? s.selected().map(r -> "#" + r.id()).orElse("")
                : s.tagged().size() + " tagged";
        if (o instanceof Overlay.ReasonPicker) {
            wrapUp(f, y, "Reject " + subject + ", reason? s spam  b abuse  o off-topic  x other  Enter none"
                    + "  Esc cancels", Style.PROMPT, Style.PROMPT);
        } else if (o instanceof Overlay.Confirm c) {
            wrapUp(f, y, c.decision().name().charAt(0) + c.decision().verb().substring(1) + " " + c.count()
                    + " tagged comments" + (c.reason() == null ? "" : " (" + c.reason() + ")")
                    + "? y applies, any other key cancels [n]", Style.PROMPT, Style.PROMPT);
        } else if (o instanceof Overlay.ConfirmUndo c) {
            wrapUp(f, y, Answers.undoQuestion(c.batch(), s.now()), Style.PROMPT, Style.PROMPT);
        } else if (o instanceof Overlay.QuitWithWrites q) {
            wrapUp(f, y, q.waiting() + " write" + (q.waiting() == 1 ? "" : "s")
                    + " not done (database busy): q drops them and quits; other keys wait", Style.PROMPT, Style.PROMPT);
        } else if (o instanceof Overlay.ConfirmQuit q) {
            wrapUp(f, y, "Quit? " + q.tagged() + " tagged comments lose their tags. y quits, any other key stays",
                    Style.PROMPT, Style.PROMPT);
        } else if (s.writes().waitedMs() > 0 && !(o instanceof Overlay.FilterPrompt)) {
            wrapUp(f, y, waitingLine(s.writes()), Style.WARNING, Style.NORMAL);
        } else if (o instanceof Overlay.FilterPrompt p && !s.message().error()) {
            wrapUp(f, y, p.text().isEmpty() ? "Filter (the --where language): Enter applies, empty clears, Esc cancels"
                    : "Filter: Enter applies, Ctrl-U empties the line (Enter then clears), Esc cancels",
                    Style.DIM, Style.NORMAL);
        } else if (o instanceof Overlay.JumpPrompt && !s.message().error()) {
            wrapUp(f, y, "Jump to comment #: type its id, Enter goes, Esc cancels", Style.DIM, Style.NORMAL);
        } else if (o instanceof Overlay.SearchPrompt && !s.message().error()) {
            wrapUp(f, y, "Search this view (the --where language, the list stays): Enter finds, n/N repeat, Esc"
                    + " cancels", Style.DIM, Style.NORMAL);
        } else {
            wrapUp(f, y, s.message().text(), s.message().error() ? Style.ERROR : Style.INFO, Style.NORMAL);
        }
    }

    /**
     * Draws {@code text} so that it ends on row {@code y}: a line too wide for the screen wraps at a space onto
     * the row above (over the last detail line), so no message or prompt is ever cut.
     */
    private static final int MESSAGE_ROWS = 3;

    static void wrapUp(Frame f, int y, String text, Style style, Style fill) {
        List<String> lines = DetailText.wrap(text, f.width());
        if (lines.size() > MESSAGE_ROWS) {
            lines = lines.subList(0, MESSAGE_ROWS); // no message the UI writes is that long; a store text may be
        }
        int top = Math.max(0, y - lines.size() + 1);
        for (int i = 0; top + i <= y; i++) {
            f.fillRow(top + i, fill);
            f.put(0, top + i, lines.get(lines.size() - 1 - (y - top - i)), style);
        }
    }

    /** "Waiting for the database… (held by another writer) 4s: 3 queued, keys still work". */
    static String waitingLine(WriteState w) {
        return "Waiting for the database\u2026 " + (w.heldByOther() ? "(held by another writer) " : "")
                + w.waitedMs() / 1000 + "s: " + w.queued() + " queued, keys still work";
    }

    private static void footer(Frame f, QueueState s, Layout l) {
        int y = l.footerRow();
        f.fillRow(y, Style.FOOTER);
        String prompt = null;
        String typed = null;
        if (s.overlay() instanceof Overlay.FilterPrompt p) {
            prompt = "/";
            typed = p.text();
        } else if (s.overlay() instanceof Overlay.JumpPrompt j) {
            prompt = "#";
            typed = j.digits();
        } else if (s.overlay() instanceof Overlay.SearchPrompt sp) {
            prompt = "search: ";
            typed = sp.text();
        }
        if (prompt != null) {
            int c = f.put(0, y, prompt, Style.FOOTER_KEY);
            String text = Sanitizer.clean(typed);
            String shown = DisplayWidth.of(text) < f.width() - 2 ? text
                    : "\u2026" + tail(text, f.width() - 3);
            c = f.put(c, y, shown, Style.FOOTER);
            f.showCursor(Math.min(c, f.width() - 1), y);
            return;
        }
        int c = 0;
        for (String[] hint : Keymap.footer(s.reading())) {
            int need = DisplayWidth.of(hint[0]) + DisplayWidth.of(hint[1]) + 1;
            if (c + need > f.width()) {
                break;
            }
            c = f.put(c, y, hint[0], Style.FOOTER_KEY);
            c = f.put(c, y, " " + hint[1] + "  ", Style.FOOTER);
        }
    }

    private static String tail(String text, int columns) {
        int i = text.length();
        while (i > 0 && DisplayWidth.of(text.substring(text.offsetByCodePoints(i, -1))) <= columns) {
            i = text.offsetByCodePoints(i, -1);
        }
        return text.substring(i);
    }

    /** Columns of the help overlay before a description: indent, key labels, a space. */
    private static final int HELP_KEYS = 3 + 14 + 1;

    /**
     * The help overlay's lines at a screen width: {key labels, description}; a group title has a null
     * description; a long description wraps onto lines with empty key labels.
     */
    static List<String[]> helpLines(int width) {
        List<String[]> lines = new ArrayList<>();
        String group = null;
        for (Keymap.Binding b : Keymap.BINDINGS) {
            if (!b.group().equals(group)) {
                group = b.group();
                lines.add(new String[]{group, null});
            }
            String keys = Keymap.keysLabel(b);
            for (String part : DetailText.wrap(b.description(), Math.max(10, width - HELP_KEYS - 1))) {
                lines.add(new String[]{keys, part});
                keys = "";
            }
        }
        return lines;
    }

    private static void help(Frame f, Layout l, int scroll) {
        int top = 1;
        int bottom = l.messageRow();
        for (int y = top; y < bottom; y++) {
            f.fillRow(y, Style.NORMAL);
        }
        f.fillRow(top, Style.TITLE);
        f.put(1, top, "Keys: j/k scroll, any other key closes", Style.TITLE);
        List<String[]> lines = helpLines(f.width());
        for (int i = 0; top + 1 + i < bottom && scroll + i < lines.size(); i++) {
            String[] line = lines.get(scroll + i);
            int y = top + 1 + i;
            if (line[1] == null) {
                f.put(1, y, line[0], Style.TITLE);
            } else {
                int c = f.put(3, y, DisplayWidth.fit(line[0], 14), Style.FOOTER_KEY);
                f.put(c + 1, y, line[1], Style.NORMAL);
            }
        }
    }
}
