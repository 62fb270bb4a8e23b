package dev.modq.tui;

/** What a key asks for; {@link Keymap} maps keys to these, the reducer gives them meaning. */
public enum Action {
    MOVE_DOWN, MOVE_UP, PAGE_DOWN, PAGE_UP, FIRST, LAST,
    APPROVE, REJECT, FLAG, UNDO,
    TAG, TAG_ALL,
    NEXT_VIEW, PREV_VIEW, FILTER, READ, HELP, REDRAW, SUSPEND, QUIT,
    SCROLL_DOWN, SCROLL_UP, SCROLL_PAGE_DOWN, SCROLL_PAGE_UP, CLOSE_READING,
    JUMP, SEARCH, SEARCH_NEXT, SEARCH_PREV, NEXT_COMMENT, PREV_COMMENT, DETAIL_DOWN, DETAIL_UP, SORT;

    /** Moves the queue's cursor (and nothing else): a held one may skip drawing the rows it passes. */
    public boolean isMove() {
        return this == MOVE_DOWN || this == MOVE_UP || this == PAGE_DOWN || this == PAGE_UP || this == FIRST
                || this == LAST;
    }
}
