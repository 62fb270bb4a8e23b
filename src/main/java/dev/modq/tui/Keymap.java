package dev.modq.tui;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one table of key bindings: it drives dispatch, the footer hints, the {@code ?} help overlay and the
 * README's key table ({@link #markdownTable()}).
 */
public final class Keymap {

    /** Where a binding applies: the queue, the full-screen reading view, or both. */
    public enum Scope { QUEUE, READING, BOTH }

    /** One row of the table. {@code hint} is the footer's short label, or null when not in the footer. */
    public record Binding(List<String> keys, Action action, String description, String group, Scope scope,
                          String hint) {
    }

    /** How many tagged comments a single {@code T} tags at most. */
    public static final int TAG_ALL_CAP = 10_000;

    public static final List<Binding> BINDINGS = List.of(
            b("Move", Scope.QUEUE, Action.MOVE_DOWN, "next comment", null, "j", "Down"),
            b("Move", Scope.QUEUE, Action.MOVE_UP, "previous comment", null, "k", "Up"),
            b("Move", Scope.QUEUE, Action.PAGE_DOWN, "next page", null, "PgDn"),
            b("Move", Scope.QUEUE, Action.PAGE_UP, "previous page", null, "PgUp"),
            b("Move", Scope.QUEUE, Action.FIRST, "first comment", null, "g", "Home"),
            b("Move", Scope.QUEUE, Action.LAST, "last comment", null, "G", "End"),
            b("Move", Scope.QUEUE, Action.JUMP, "jump to a comment by id: # then the number, Enter", null, "#"),
            b("Move", Scope.QUEUE, Action.DETAIL_DOWN, "scroll the detail pane down", null, "C-d"),
            b("Move", Scope.QUEUE, Action.DETAIL_UP, "scroll the detail pane up", null, "C-u"),
            b("Decide", Scope.BOTH, Action.APPROVE, "approve (the tagged comments, if any), move on", "approve", "a"),
            b("Decide", Scope.BOTH, Action.REJECT,
                    "reject, then a reason: s spam, b abuse, o off-topic, x other, Enter none, Esc cancels",
                    "reject", "r"),
            b("Decide", Scope.BOTH, Action.FLAG, "flag for a second look, move on", "flag", "f"),
            b("Decide", Scope.BOTH, Action.UNDO,
                    "undo this session's decisions, newest first; others ask y/N",
                    "undo", "u"),
            b("Tag", Scope.QUEUE, Action.TAG, "tag or untag this comment, move on", "tag", "t", "Space"),
            b("Tag", Scope.QUEUE, Action.TAG_ALL,
                    "tag all that match the view and filter (up to 10,000); again to untag all", null, "T"),
            b("View", Scope.QUEUE, Action.NEXT_VIEW, "next view: pending, flagged, approved, rejected, all",
                    "view", "Tab"),
            b("View", Scope.QUEUE, Action.PREV_VIEW, "previous view", null, "S-Tab"),
            b("View", Scope.QUEUE, Action.FILTER, "filter with the query language (empty clears it)", "filter", "/"),
            b("View", Scope.QUEUE, Action.READ, "read the comment full-screen", null, "Enter"),
            b("View", Scope.QUEUE, Action.SORT, "sort by spam score (most likely spam first) or by age again", null,
                    "o"),
            b("Search", Scope.QUEUE, Action.SEARCH,
                    "search this view (query language; the list is not filtered), then n and N", null, "s"),
            b("Search", Scope.QUEUE, Action.SEARCH_NEXT, "next match of the search", null, "n"),
            b("Search", Scope.QUEUE, Action.SEARCH_PREV, "previous match of the search", null, "N"),
            b("Reading", Scope.READING, Action.SCROLL_DOWN, "scroll down", "scroll", "j", "Down"),
            b("Reading", Scope.READING, Action.SCROLL_UP, "scroll up", null, "k", "Up"),
            b("Reading", Scope.READING, Action.SCROLL_PAGE_DOWN, "page down", null, "Space", "PgDn", "C-d"),
            b("Reading", Scope.READING, Action.SCROLL_PAGE_UP, "page up", null, "b", "PgUp", "C-u"),
            b("Reading", Scope.READING, Action.NEXT_COMMENT, "next comment, still reading", null, "J"),
            b("Reading", Scope.READING, Action.PREV_COMMENT, "previous comment, still reading", null, "K"),
            b("Reading", Scope.READING, Action.CLOSE_READING, "back to the queue", "back", "Enter", "Esc"),
            b("Other", Scope.BOTH, Action.HELP, "this help", "help", "?"),
            b("Other", Scope.BOTH, Action.REDRAW, "redraw the screen", null, "C-l"),
            b("Other", Scope.BOTH, Action.SUSPEND, "suspend to the shell (fg comes back)", null, "C-z"),
            b("Other", Scope.BOTH, Action.QUIT, "quit (asks first while comments are tagged)", "quit", "q", "C-c"));

    private Keymap() {
    }

    private static Binding b(String group, Scope scope, Action action, String description, String hint,
                             String... keys) {
        return new Binding(List.of(keys), action, description, group, scope, hint);
    }

    /** The action of {@code key} in the queue ({@code reading} false) or the reading view. */
    public static Optional<Action> lookup(Key key, boolean reading) {
        for (Binding b : BINDINGS) {
            boolean inScope = b.scope() == Scope.BOTH || (b.scope() == Scope.READING) == reading;
            if (inScope && b.keys().contains(key.name())) {
                return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    /** Footer hints for the queue or the reading view: "j move", "a approve", ... */
    public static List<String[]> footer(boolean reading) {
        return BINDINGS.stream()
                .filter(b -> b.hint() != null)
                .filter(b -> b.scope() == Scope.BOTH || (b.scope() == Scope.READING) == reading)
                .map(b -> new String[]{keyLabel(b.keys().get(0)), b.hint()})
                .toList();
    }

    /** "Space" stays a word, "C-l" becomes "Ctrl-L", "S-Tab" becomes "Shift-Tab". */
    public static String keyLabel(String key) {
        if (key.startsWith("C-")) {
            return "Ctrl-" + key.substring(2).toUpperCase(java.util.Locale.ROOT);
        }
        if (key.startsWith("S-")) {
            return "Shift-" + key.substring(2);
        }
        return key;
    }

    public static String keysLabel(Binding b) {
        return b.keys().stream().map(Keymap::keyLabel).collect(Collectors.joining(" "));
    }

    /** The README's key table, generated from {@link #BINDINGS}. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Keys | Does | Where |\n|---|---|---|\n");
        for (Binding b : BINDINGS) {
            String keys = b.keys().stream().map(k -> "`" + keyLabel(k) + "`").collect(Collectors.joining(" "));
            String where = switch (b.scope()) {
                case QUEUE -> "queue";
                case READING -> "reading view";
                case BOTH -> "queue, reading view";
            };
            sb.append("| ").append(keys).append(" | ").append(b.description()).append(" | ").append(where)
                    .append(" |\n");
        }
        return sb.toString();
    }
}
