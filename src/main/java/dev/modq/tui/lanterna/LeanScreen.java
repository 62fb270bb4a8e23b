package dev.modq.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.Scrollable;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;

import java.io.IOException;
import java.util.EnumSet;

/**
 * A {@link TerminalScreen} whose delta refresh sends fewer bytes, for slow SSH links. Lanterna 3.1.3's delta
 * positions the cursor afresh after every unchanged cell it skips (a 7-byte {@code ESC[r;cH} to skip one space)
 * and resets all attributes first. Here:
 * <ul>
 *   <li>short runs of unchanged plain cells between changes are written through instead of jumped over;</li>
 *   <li>attributes change only when the next cell's differ from the last written ones;</li>
 *   <li>a row whose new tail is blank is cut with "erase to end of line" (on terminals that can:
 *       {@link LineEraser});</li>
 *   <li>after any non-ASCII grapheme the next cell is placed explicitly, so a terminal that draws it with
 *       another width than ours cannot shift the rest of the row;</li>
 *   <li>a block of rows that moved up or down by a few lines (the list scrolling under a held {@code j}) is
 *       moved by the terminal itself (a scroll region, some 20 bytes) instead of being written again.</li>
 * </ul>
 * Complete refreshes (first frame, Ctrl-L, resize) are Lanterna's own.
 */
public final class LeanScreen extends TerminalScreen {

    /** A terminal that can erase from the cursor to the end of the line ({@code ESC[K}). */
    public interface LineEraser {
        void eraseToEndOfLine() throws IOException;
    }

    /** A block must be this many rows to be worth a scroll (the scroll costs about as much as a short row). */
    private static final int MIN_SCROLL_ROWS = 3;
    private static final int MAX_SCROLL = 3;

    /** Unchanged cells written through rather than jumped over: a cursor move costs 6-8 bytes. */
    private static final int WRITE_THROUGH = 6;

    private static final TextColor DEFAULT = TextColor.ANSI.DEFAULT;

    private boolean started;
    /** Whether the terminal's cursor is hidden now (known after our own refresh): hiding it again costs 6 bytes. */
    private boolean cursorHidden;
    private int row;
    private int col;
    private TextColor fg;
    private TextColor bg;
    private EnumSet<SGR> sgr;

    public LeanScreen(Terminal terminal) throws IOException {
        super(terminal);
    }

    @Override
    public synchronized void startScreen() throws IOException {
        super.startScreen();
        started = true;
        cursorHidden = getCursorPosition() == null;
    }

    @Override
    public synchronized void stopScreen(boolean flushInput) throws IOException {
        super.stopScreen(flushInput);
        started = false;
    }

    @Override
    public synchronized void refresh(RefreshType type) throws IOException {
        if (!started || type != RefreshType.DELTA) {
            super.refresh(type);
            cursorHidden = getCursorPosition() == null;
            return;
        }
        delta();
        TerminalPosition cursor = getCursorPosition();
        Terminal t = getTerminal();
        if (cursor != null) {
            t.setCursorVisible(true);
            t.setCursorPosition(cursor.getColumn(), cursor.getRow());
            cursorHidden = false;
        } else if (!cursorHidden) {
            t.setCursorVisible(false);
            cursorHidden = true;
        }
        t.flush();
        getBackBuffer().copyTo(getFrontBuffer());
    }

    private void delta() throws IOException {
        ScreenBuffer back = getBackBuffer();
        ScreenBuffer front = getFrontBuffer();
        TerminalSize size = getTerminalSize();
        row = -1;
        col = -1;
        fg = null;
        if (getTerminal() instanceof Scrollable scrollable) {
            scrollMovedBlock(back, front, size, scrollable);
        }
        for (int y = 0; y < size.getRows(); y++) {
            int x = 0;
            while (x < size.getColumns()) {
                TextCharacter b = back.getCharacterAt(x, y);
                if (b.equals(front.getCharacterAt(x, y))) {
                    x += b.isDoubleWidth() ? 2 : 1;
                    continue;
                }
                if (blankFrom(back, x, y, size.getColumns()) && getTerminal() instanceof LineEraser eraser) {
                    moveTo(back, x, y);
                    style(b);
                    eraser.eraseToEndOfLine();
                    break;
                }
                moveTo(back, x, y);
                write(b);
                x += b.isDoubleWidth() ? 2 : 1;
            }
        }
    }

    /**
     * Finds the block of changed rows (between rows that did not change) where most rows now hold what
     * {@code d} rows below (or above) held, and if it is worth it, has the terminal scroll that block: the front
     * buffer is scrolled the same way, so the delta afterwards only writes what the scroll did not bring (the
     * selection bar that stayed put, the rows that came into view).
     */
    private void scrollMovedBlock(ScreenBuffer back, ScreenBuffer front, TerminalSize size, Scrollable scrollable)
            throws IOException {
        int rows = size.getRows();
        int cols = size.getColumns();
        boolean[] changed = new boolean[rows];
        for (int y = 0; y < rows; y++) {
            changed[y] = !sameRow(back, y, front, y, cols);
        }
        int best = 0;
        int bestDistance = 0;
        int bestFirst = 0;
        int bestLast = 0;
        for (int d = -MAX_SCROLL; d <= MAX_SCROLL; d++) {
            if (d == 0) {
                continue;
            }
            int matches = 0;
            int first = -1;
            for (int y = 0; y <= rows; y++) {
                if (y == rows || !changed[y]) { // a block ends
                    if (matches > best) {
                        best = matches;
                        bestDistance = d;
                        bestFirst = first;
                        bestLast = lastMatch(back, front, first, y, d, cols);
                    }
                    matches = 0;
                    first = -1;
                    continue;
                }
                if (y + d >= 0 && y + d < rows && sameRow(back, y, front, y + d, cols)) {
                    matches++;
                    first = first < 0 ? y : first;
                }
            }
        }
        if (best < MIN_SCROLL_ROWS) {
            return;
        }
        int top = Math.max(0, Math.min(bestFirst, bestFirst + bestDistance));
        int bottom = Math.min(rows - 1, Math.max(bestLast, bestLast + bestDistance));
        getTerminal().resetColorAndSGR(); // the lines a scroll opens take the current background: the default
        scrollable.scrollLines(top, bottom, bestDistance);
        front.scrollLines(top, bottom, bestDistance);
        fg = DEFAULT;
        bg = DEFAULT;
        sgr = EnumSet.noneOf(SGR.class);
        row = -1;
        col = -1;
    }

    private static int lastMatch(ScreenBuffer back, ScreenBuffer front, int from, int to, int d, int cols) {
        int last = from;
        for (int y = Math.max(0, from); y < to; y++) {
            if (y + d >= 0 && y + d < front.getSize().getRows() && sameRow(back, y, front, y + d, cols)) {
                last = y;
            }
        }
        return last;
    }

    private static boolean sameRow(ScreenBuffer a, int ya, ScreenBuffer b, int yb, int columns) {
        for (int x = 0; x < columns; x++) {
            if (!a.getCharacterAt(x, ya).equals(b.getCharacterAt(x, yb))) {
                return false;
            }
        }
        return true;
    }

    /** Gets the terminal's cursor to (x, y): by writing through a few unchanged cells if that is cheaper. */
    private void moveTo(ScreenBuffer back, int x, int y) throws IOException {
        if (row == y && col == x) {
            return;
        }
        if (row == y && col >= 0 && col < x && x - col <= WRITE_THROUGH && plainRun(back, col, x, y)) {
            for (int c = col; c < x; c++) {
                write(back.getCharacterAt(c, y));
            }
            return;
        }
        getTerminal().setCursorPosition(x, y);
        row = y;
        col = x;
    }

    /** Cells from..to-1 are single ASCII characters in the attributes already set (writing them costs 1 byte each). */
    private boolean plainRun(ScreenBuffer back, int from, int to, int y) {
        for (int c = from; c < to; c++) {
            TextCharacter t = back.getCharacterAt(c, y);
            String s = t.getCharacterString();
            if (s.length() != 1 || s.charAt(0) < 0x20 || s.charAt(0) >= 0x7F || !sameLook(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blankFrom(ScreenBuffer back, int x, int y, int columns) {
        for (int c = x; c < columns; c++) {
            TextCharacter t = back.getCharacterAt(c, y);
            if (!" ".equals(t.getCharacterString()) || !DEFAULT.equals(t.getForegroundColor())
                    || !DEFAULT.equals(t.getBackgroundColor()) || !t.getModifiers().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void write(TextCharacter t) throws IOException {
        style(t);
        String s = t.getCharacterString();
        getTerminal().putString(s);
        boolean plain = s.length() == 1 && s.charAt(0) < 0x7F;
        // a grapheme whose width the terminal may see differently: place the next cell explicitly
        col = plain ? col + 1 : -1;
    }

    private boolean sameLook(TextCharacter t) {
        return fg != null && fg.equals(t.getForegroundColor()) && bg.equals(t.getBackgroundColor())
                && sgr.equals(t.getModifiers());
    }

    private void style(TextCharacter t) throws IOException {
        if (sameLook(t)) {
            return;
        }
        Terminal term = getTerminal();
        EnumSet<SGR> want = t.getModifiers();
        if (fg == null || !want.containsAll(sgr)) {
            // unknown state, or an attribute to switch off: start from a reset (one short sequence)
            term.resetColorAndSGR();
            fg = DEFAULT;
            bg = DEFAULT;
            sgr = EnumSet.noneOf(SGR.class);
        }
        for (SGR s : want) {
            if (!sgr.contains(s)) {
                term.enableSGR(s);
            }
        }
        sgr = EnumSet.copyOf(want);
        if (!fg.equals(t.getForegroundColor())) {
            term.setForegroundColor(t.getForegroundColor());
            fg = t.getForegroundColor();
        }
        if (!bg.equals(t.getBackgroundColor())) {
            term.setBackgroundColor(t.getBackgroundColor());
            bg = t.getBackgroundColor();
        }
    }
}
