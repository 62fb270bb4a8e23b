package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.modq.tui.Frame;
import dev.modq.tui.Style;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screen must give every cell the width the frame measured, and the terminal must not drift. */
class CellWidthTest {

    private static final Palette PALETTE = new Palette(false);

    @Test
    void aCombiningClusterKeepsItsLetterAndTheNextCell() throws Exception {
        // Lanterna alone calls "Z" + two marks double-width: the 'a' drawn next blanked the Z (the lost first letter)
        String row = draw("Z\u0337\u0322algo \uD83C\uDF27x \u4E2Dy", 20);
        assertEquals("Z\u0337\u0322algo \uD83C\uDF27x \u4E2Dy", row.strip());
    }

    @Test
    void measuredCellsReportTheFramesWidth() {
        assertFalse(PALETTE.cell("e\u0301", Style.NORMAL).isDoubleWidth());
        assertFalse(PALETTE.cell("\uD83C\uDF27", Style.NORMAL).isDoubleWidth(), "U+1F327 is one column");
        assertTrue(PALETTE.cell("\uD83D\uDE00", Style.NORMAL).isDoubleWidth());
        assertTrue(PALETTE.cell("\u4E2D", Style.NORMAL).isDoubleWidth());
    }

    @Test
    void theCursorIsPutBackAfterAnUncertainGraphemeOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8StreamTerminal terminal = new Utf8StreamTerminal(new ByteArrayInputStream(new byte[0]), out);
        terminal.setCursorPosition(5, 2);
        out.reset();
        terminal.putString("a");
        terminal.putString("\u00E9");
        assertEquals("a\u00E9", out.toString(StandardCharsets.UTF_8), "plain letters need no anchor");
        out.reset();
        terminal.putString("\uD83D\uDE00");
        terminal.putString("b");
        terminal.putString("\uD83C\uDF27");
        // after the wide emoji at column 7 the screen expects column 9 (1-based 10); after 'b' and U+1F327, 11
        assertEquals("\uD83D\uDE00\u001b[3;10Hb\uD83C\uDF27\u001b[3;12H", out.toString(StandardCharsets.UTF_8));
    }

    private static String draw(String text, int width) throws Exception {
        Frame f = new Frame(width, 1);
        f.put(0, 0, text, Style.NORMAL);
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(width, 1));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        for (int x = 0; x < width; x++) {
            if (f.cell(x, 0) != null) {
                screen.setCharacter(x, 0, PALETTE.cell(f.cell(x, 0), Style.NORMAL));
            }
        }
        screen.refresh();
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x < width; x++) {
            if (f.cell(x, 0) != null) { // read the screen's buffer where the frame put each grapheme
                sb.append(screen.getFrontCharacter(x, 0).getCharacterString());
            }
        }
        screen.stopScreen();
        return sb.toString();
    }
}
