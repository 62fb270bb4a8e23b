package dev.modq.tui;

/**
 * Where things go on a screen of a given size. Rows: 0 header, 1 view tabs, the list, one separator,
 * the detail pane, the message line, the footer.
 */
public record Layout(int width, int height, boolean tooSmall, int listTop, int listHeight, int separatorRow,
                     int detailTop, int detailHeight, int messageRow, int footerRow) {

    /** The list's columns and the footer's hints are laid out for 80 columns. */
    public static final int MIN_WIDTH = 80;
    /**
     * 16 rows still give 4 list rows and 7 detail lines: tmux with a status line (80x23), screen's caption,
     * a split pane all fit.
     */
    public static final int MIN_HEIGHT = 16;

    public static Layout of(int width, int height) {
        boolean tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
        int usable = Math.max(0, height - 5);
        int list = Math.max(3, usable * 2 / 5);
        int separator = 2 + list;
        int detailTop = separator + 1;
        int messageRow = Math.max(0, height - 2);
        return new Layout(width, height, tooSmall, 2, list, separator, detailTop, Math.max(0, messageRow - detailTop),
                messageRow, Math.max(0, height - 1));
    }

    /** Lines of text the reading view shows at once (rows 2 .. message row). */
    public int readingHeight() {
        return Math.max(1, messageRow - 2);
    }
}
