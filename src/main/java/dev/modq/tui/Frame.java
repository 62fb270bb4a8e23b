package dev.modq.tui;

import dev.modq.core.text.DisplayWidth;

import java.util.Arrays;

/**
 * One screenful: a grid of cells, each holding one grapheme (a base code point and its zero-width followers)
 * and a style token. A wide grapheme takes its cell and leaves the next one as a continuation ({@code null}).
 * Drawing measures with {@link DisplayWidth}, clips at the edges and never throws; anything that is still a
 * control or format character here (it should have been sanitised before) is drawn as {@code ?}.
 */
public final class Frame {

    private final int width;
    private final int height;
    private final String[] cells;
    private final Style[] styles;
    private int cursorCol = -1;
    private int cursorRow = -1;

    public Frame(int width, int height) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        this.cells = new String[this.width * this.height];
        this.styles = new Style[this.width * this.height];
        Arrays.fill(cells, " ");
        Arrays.fill(styles, Style.NORMAL);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The grapheme at a cell; {@code null} for the right half of a wide character. */
    public String cell(int col, int row) {
        return cells[row * width + col];
    }

    public Style style(int col, int row) {
        return styles[row * width + col];
    }

    /** Fills a whole row with spaces in {@code style}. */
    public void fillRow(int row, Style style) {
        if (row < 0 || row >= height) {
            return;
        }
        for (int c = 0; c < width; c++) {
            cells[row * width + c] = " ";
            styles[row * width + c] = style;
        }
    }

    /** Draws {@code text} from {@code col}; returns the column after it. Stops at the right edge. */
    public int put(int col, int row, String text, Style style) {
        return put(col, row, text, style, width - col);
    }

    /** Draws at most {@code maxColumns} columns of {@code text}. */
    public int put(int col, int row, String text, Style style, int maxColumns) {
        if (text == null || row < 0 || row >= height || col < 0) {
            return col;
        }
        int limit = Math.min(width, col + Math.max(0, maxColumns));
        int c = col;
        int i = 0;
        int n = text.length();
        while (i < n && c < limit) {
            int cp = safe(text.codePointAt(i));
            i += Character.charCount(text.codePointAt(i));
            int w = DisplayWidth.of(cp);
            if (w == 0) {
                if (c > col) {
                    appendToPrevious(c, row, cp);
                }
                continue;
            }
            if (c + w > limit) {
                break;
            }
            set(c, row, new String(Character.toChars(cp)), style);
            if (w == 2) {
                cells[row * width + c + 1] = null;
                styles[row * width + c + 1] = style;
            }
            c += w;
        }
        return c;
    }

    /** Where the terminal cursor should be shown, or no cursor. */
    public void showCursor(int col, int row) {
        this.cursorCol = col;
        this.cursorRow = row;
    }

    public boolean hasCursor() {
        return cursorCol >= 0 && cursorRow >= 0 && cursorCol < width && cursorRow < height;
    }

    public int cursorCol() {
        return cursorCol;
    }

    public int cursorRow() {
        return cursorRow;
    }

    /** One row as text (continuations skipped), for tests and logs. */
    public String rowText(int row) {
        StringBuilder sb = new StringBuilder(width);
        for (int c = 0; c < width; c++) {
            String s = cells[row * width + c];
            if (s != null) {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** The whole frame as text, rows separated by newlines. */
    public String text() {
        StringBuilder sb = new StringBuilder(width * height + height);
        for (int r = 0; r < height; r++) {
            sb.append(rowText(r)).append('\n');
        }
        return sb.toString();
    }

    private void set(int col, int row, String grapheme, Style style) {
        int at = row * width + col;
        if (cells[at] == null && col > 0) {
            cells[at - 1] = " "; // overwrote the right half of a wide character: blank its left half
        }
        cells[at] = grapheme;
        styles[at] = style;
        if (col + 1 < width && cells[at + 1] == null) {
            cells[at + 1] = " "; // overwrote the left half of a wide character: blank its right half
        }
    }

    private void appendToPrevious(int c, int row, int cp) {
        int at = row * width + c - 1;
        if (cells[at] == null && c >= 2) {
            at--;
        }
        if (cells[at] != null && cells[at].length() < 16) {
            cells[at] = cells[at] + new String(Character.toChars(cp));
        }
    }

    /** Last line of defence: nothing that could steer a terminal ever reaches a cell. */
    private static int safe(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            return '?';
        }
        int type = Character.getType(cp);
        if (type == Character.SURROGATE || (type == Character.FORMAT && cp != 0x200D && cp != 0x200C)) {
            return '?';
        }
        return cp;
    }
}
