package dev.modq.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
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

    /** A virtual terminal that also understands "erase to end of line", as a real one does. */
    static final class ErasingVirtualTerminal extends DefaultVirtualTerminal implements LeanScreen.LineEraser {
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
