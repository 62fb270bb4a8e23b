package dev.modq.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.Scrollable;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean delta refresh leaves the terminal showing exactly the screen, and sends fewer bytes doing it. */
class LeanScreenTest {

    /** A virtual terminal that also erases to the end of a line and scrolls a region, as a real one does. */
    static final class ErasingVirtualTerminal extends DefaultVirtualTerminal
            implements LeanScreen.LineEraser, Scrollable {
        ErasingVirtualTerminal(TerminalSize size) {
            super(size);
        }

        @Override
        public void eraseToEndOfLine() throws IOException {
            TerminalPosition at = getCursorPosition();
            for (int c = at.getColumn(); c < getTerminalSize().getColumns(); c++) {
                putCharacter(' ');
            }
            setCursorPosition(at);
        }

        @Override
        public void scrollLines(int first, int last, int distance) {
            int cols = getTerminalSize().getColumns();
            TextCharacter[][] was = new TextCharacter[last + 1][cols];
            for (int y = first; y <= last; y++) {
                for (int x = 0; x < cols; x++) {
                    was[y][x] = getCharacter(x, y);
                }
            }
            for (int y = first; y <= last; y++) {
                int from = y + distance;
                for (int x = 0; x < cols; x++) {
                    TextCharacter c = from >= first && from <= last ? was[from][x] : TextCharacter.fromCharacter(' ')[0];
                    resetColorAndSGR();
                    setForegroundColor(c.getForegroundColor());
                    setBackgroundColor(c.getBackgroundColor());
                    c.getModifiers().forEach(this::enableSGR);
                    setCursorPosition(x, y);
                    putString(c.getCharacterString());
                }
            }
            resetColorAndSGR();
        }
    }

    private static final TextColor[] COLOURS = {TextColor.ANSI.DEFAULT, TextColor.ANSI.RED, TextColor.ANSI.BLUE};
    private static final String[] GLYPHS = {"a", "b", " ", " ", "é", "ß"};

    @Test
    void afterEveryDeltaTheTerminalShowsExactlyWhatTheScreenHolds() throws Exception {
        ErasingVirtualTerminal vt = new ErasingVirtualTerminal(new TerminalSize(30, 8));
        LeanScreen screen = new LeanScreen(vt);
        screen.startScreen();
        Random random = new Random(7);
        for (int frame = 0; frame < 300; frame++) {
            int changes = random.nextInt(60);
            for (int i = 0; i < changes; i++) {
                screen.setCharacter(random.nextInt(30), random.nextInt(8), randomCell(random));
            }
            if (random.nextInt(10) == 0) {
                int y = random.nextInt(8);
                for (int x = random.nextInt(30); x < 30; x++) {
                    screen.setCharacter(x, y, TextCharacter.fromCharacter(' ')[0]);
                }
            }
            screen.refresh(Screen.RefreshType.DELTA);
            assertShowsTheScreen(vt, screen, "frame " + frame);
        }
    }

    @Test
    void wideCharactersMovingAlongARowAreDrawnInPlace() throws Exception {
        ErasingVirtualTerminal vt = new ErasingVirtualTerminal(new TerminalSize(30, 3));
        LeanScreen screen = new LeanScreen(vt);
        screen.startScreen();
        String[] rows = {"中文 abc 中文", "a中文 b 文 c", "ab 中 cd 文文", "中文 abc 中文"};
        for (String text : rows) {
            screen.newTextGraphics().putString(0, 1, text + " ".repeat(30 - 2 * text.length()));
            screen.refresh(Screen.RefreshType.DELTA);
            assertShowsTheScreen(vt, screen, text);
        }
    }

    private static void assertShowsTheScreen(DefaultVirtualTerminal vt, TerminalScreen screen, String when) {
        TerminalSize size = vt.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter want = screen.getFrontCharacter(x, y);
                TextCharacter got = vt.getCharacter(x, y);
                assertEquals(want.getCharacterString(), got.getCharacterString(), when + " at " + x + "," + y);
                if (!want.getCharacterString().isBlank()) {
                    assertEquals(want.getForegroundColor(), got.getForegroundColor(), "colour at " + x + "," + y);
                    assertEquals(want.getModifiers(), got.getModifiers(), "attributes at " + x + "," + y);
                }
                if (want.isDoubleWidth()) {
                    x++;
                }
            }
        }
    }

    @Test
    void aListThatMovedByARowIsScrolledByTheTerminalNotRewritten() throws Exception {
        ErasingVirtualTerminal vt = new ErasingVirtualTerminal(new TerminalSize(40, 12));
        LeanScreen screen = new LeanScreen(vt);
        screen.startScreen();
        int[][] tops = {{0}, {1}, {2}, {0}, {3}};
        for (int[] top : tops) {
            drawList(screen, top[0]);
            screen.refresh(Screen.RefreshType.DELTA);
            assertShowsTheScreen(vt, screen, "list from " + top[0]);
        }
        int lean = bytesForListScroll(true);
        int lanterna = bytesForListScroll(false);
        assertTrue(lean * 2 < lanterna, "lean " + lean + " bytes, Lanterna " + lanterna);
    }

    /** Rows 2..9 show list entries from {@code top}, the selected one in reverse; a header and footer stay. */
    private static void drawList(TerminalScreen screen, int top) {
        var g = screen.newTextGraphics();
        g.putString(0, 0, "header that never moves");
        for (int i = 0; i < 8; i++) {
            char c = (char) ('a' + top + i);
            String text = String.format("%-78s", "row " + (top + i) + " " + String.valueOf(c).repeat(60 + (top + i) % 5));
            screen.newTextGraphics().putString(0, 2 + i, text,
                    i == 3 ? java.util.EnumSet.of(SGR.REVERSE) : java.util.EnumSet.noneOf(SGR.class));
        }
        g.putString(0, 11, "footer that never moves");
    }

    private static int bytesForListScroll(boolean lean) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8StreamTerminal t = new Utf8StreamTerminal(
                new ByteArrayInputStream("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII)), out);
        TerminalScreen screen = lean ? new LeanScreen(t) : new TerminalScreen(t);
        screen.startScreen();
        drawList(screen, 0);
        screen.refresh(Screen.RefreshType.COMPLETE);
        out.reset();
        drawList(screen, 1);
        screen.refresh(Screen.RefreshType.DELTA);
        return out.size();
    }

    @Test
    void changingEveryOtherCellOfARowCostsLessThanLanternasOwnDelta() throws Exception {
        int lean = bytesForAlternateChange(true);
        int lanterna = bytesForAlternateChange(false);
        assertTrue(lean * 2 < lanterna, "lean " + lean + " bytes, Lanterna " + lanterna);
    }

    private static int bytesForAlternateChange(boolean lean) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8StreamTerminal t = new Utf8StreamTerminal(
                new ByteArrayInputStream("\u001b[24;80R".getBytes(StandardCharsets.US_ASCII)), out);
        TerminalScreen screen = lean ? new LeanScreen(t) : new TerminalScreen(t);
        screen.startScreen();
        screen.newTextGraphics().putString(0, 3, "the same words, a few letters apart: abcdefghijklmnopqrstuvwxyz");
        screen.refresh(Screen.RefreshType.COMPLETE);
        out.reset();
        screen.newTextGraphics().putString(0, 3, "tHe sAme wOrds, A fEw lEtters aPart: AbCdEfGhIjKlMnOpQrStUvWxYz");
        screen.refresh(Screen.RefreshType.DELTA);
        return out.size();
    }

    private static TextCharacter randomCell(Random r) {
        String g = GLYPHS[r.nextInt(GLYPHS.length)];
        SGR[] sgr = r.nextBoolean() ? new SGR[0] : new SGR[]{SGR.BOLD};
        return TextCharacter.fromString(g, COLOURS[r.nextInt(COLOURS.length)], COLOURS[r.nextInt(COLOURS.length)], sgr)[0];
    }
}
