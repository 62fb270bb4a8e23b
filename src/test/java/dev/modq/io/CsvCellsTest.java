package dev.modq.io;

import dev.modq.core.Status;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvCellsTest {

    @Test
    void formulaStartsGetAQuote() {
        assertEquals("'=1+1", CsvCells.neutralise("=1+1"));
        assertEquals("'+cmd", CsvCells.neutralise("+cmd"));
        assertEquals("'-cmd", CsvCells.neutralise("-cmd"));
        assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
        assertEquals("'\t=1", CsvCells.neutralise("\t=1"));
        assertEquals("'\r=1", CsvCells.neutralise("\r=1"));
        assertEquals("'   =1", CsvCells.neutralise("   =1"));
        assertEquals("''=1", CsvCells.neutralise("'=1"), "an existing guard is kept, so restore gives it back");
        assertEquals("plain", CsvCells.neutralise("plain"));
        assertEquals("'Tis", CsvCells.neutralise("'Tis"));
        assertEquals("a=b", CsvCells.neutralise("a=b"));
        assertEquals("", CsvCells.neutralise(""));
    }

    @Test
    void restoreUndoesNeutraliseForAnyText() {
        Random random = new Random(7);
        String alphabet = "'= +-@\t\rab1";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String cell = sb.toString();
            String written = CsvCells.neutralise(cell);
            assertEquals(cell, CsvCells.restore(written), "round trip of " + escape(cell));
            assertTrue(written.startsWith("'") || !startsFormula(written), "guarded: " + escape(written));
        }
    }

    @Test
    void aQuoteThatGuardsNothingIsLeftOnImport() {
        assertEquals("'Tis the season", CsvCells.restore("'Tis the season"));
        assertEquals("=1+1", CsvCells.restore("'=1+1"));
        assertFalse(CsvCells.restore("'").isEmpty());
    }

    @Test
    void aSpamReasonInAnyCaseExportsAsSpam() {
        assertEquals(WpCliExport.SPAM, WpCliExport.command(Status.REJECTED, "SPAM"));
        assertEquals(WpCliExport.TRASH, WpCliExport.command(Status.REJECTED, "abuse"));
    }

    private static boolean startsFormula(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i < s.length() && "=+-@\t\r".indexOf(s.charAt(i)) >= 0;
    }

    private static String escape(String s) {
        return s.replace("\t", "\\t").replace("\r", "\\r");
    }
}
