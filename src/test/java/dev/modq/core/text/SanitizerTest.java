package dev.modq.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modq.core.text.Sanitizer.Sanitized;
import org.junit.jupiter.api.Test;

class SanitizerTest {

    /** The invariant every sanitised string must hold; shared with the property tests. */
    static void assertSafe(String out, boolean multiline) {
        out.codePoints().forEach(cp -> {
            String where = "U+" + Integer.toHexString(cp) + " in " + out;
            if (cp == '\n') {
                assertTrue(multiline, where);
                return;
            }
            assertTrue(cp >= 0x20, where);
            assertFalse(cp >= 0x7F && cp <= 0x9F, where);
            assertFalse(cp >= 0x202A && cp <= 0x202E, where);
            assertFalse(cp >= 0x2066 && cp <= 0x2069, where);
            assertFalse(cp == 0x200E || cp == 0x200F || cp == 0x061C, where);
            assertFalse(cp == 0x200B || cp == 0xFEFF || cp == 0x180E || cp == 0x00AD, where);
            assertFalse(cp >= 0x2060 && cp <= 0x2064, where);
            assertFalse(Character.isSurrogate((char) cp) && cp <= 0xFFFF, where);
        });
    }

    @Test
    void escapeSequencesShownInCaretNotation() {
        Sanitized s = Sanitizer.line("\u001b[2J\u001b]0;pwned\u0007");
        assertEquals("^[[2J^[]0;pwned^G", s.text());
        assertTrue(s.hadControls());
        assertSafe(s.text(), false);
    }

    @Test
    void nulAndDelInCaretNotation() {
        assertEquals("a^@b^?c", Sanitizer.clean("a\u0000b\u007Fc"));
        assertEquals("^L^K^H", Sanitizer.clean("\f\u000B\b"));
    }

    @Test
    void c1CsiBecomesVisibleMarker() {
        Sanitized s = Sanitizer.line("\u009b31mred");
        assertEquals("<U+009B>31mred", s.text());
        assertTrue(s.hadControls());
        assertEquals("<U+0085>", Sanitizer.clean("\u0085"));
    }

    @Test
    void bidiOverrideShownVisibly() {
        Sanitized s = Sanitizer.line("abc\u202Edcba");
        assertEquals("abc<U+202E>dcba", s.text());
        assertTrue(s.hadControls());
        assertEquals("<U+2066>x<U+2069><U+200F><U+061C>", Sanitizer.clean("\u2066x\u2069\u200F\u061C"));
    }

    @Test
    void zeroWidthAndInvisibleCharsShownVisibly() {
        assertEquals("sp<U+200B>am", Sanitizer.clean("sp\u200Bam"));
        assertEquals("<U+FEFF>x<U+2060><U+180E>", Sanitizer.clean("\uFEFFx\u2060\u180E"));
        assertEquals("sp<U+00AD>am", Sanitizer.clean("sp\u00ADam"), "soft hyphen is marked");
        assertEquals("<U+3164>", Sanitizer.clean("\u3164"), "Hangul filler is a blank glyph");
        assertEquals("<U+E0041>", Sanitizer.clean("\uDB40\uDC41"), "tag characters smuggle hidden text");
        assertTrue(Sanitizer.line("a\u200Bb").hadControls());
    }

    @Test
    void emojiZwjSequencesAreDrawnAsTheirComponents() {
        // tmux 3.3a counts a ZWJ family 2 columns, terminals without ZWJ support draw 6: components are 6 in both
        Sanitized s = Sanitizer.line("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"); // 👨‍👩‍👧
        assertEquals("\uD83D\uDC68\uD83D\uDC69\uD83D\uDC67", s.text());
        assertFalse(s.hadControls(), "a family emoji is not a control character");
        assertEquals("\uD83C\uDFF3\uD83C\uDF08", Sanitizer.clean("\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"), "🏳️‍🌈");
        assertEquals("\uD83D\uDC69\uD83D\uDCBB", Sanitizer.clean("\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"),
                "👩🏽‍💻: skin tone and joiner dropped");
        assertEquals("a<U+200D>b", Sanitizer.clean("a\u200Db"));
        assertEquals("\uD83D\uDE00<U+200D>", Sanitizer.clean("\uD83D\uDE00\u200D"), "trailing ZWJ");
    }

    @Test
    void variationSelectorsAreDroppedSoTheBaseKeepsItsOwnWidth() {
        Sanitized rain = Sanitizer.line("\uD83C\uDF27\uFE0F thrilled about the housing"); // 🌧️
        assertEquals("\uD83C\uDF27 thrilled about the housing", rain.text());
        assertFalse(rain.hadControls());
        assertEquals(1, DisplayWidth.of(rain.text().substring(0, 2)), "U+1F327 is narrow, as tmux draws it");
        assertEquals("I \u2764 it", Sanitizer.clean("I \u2764\uFE0F it"), "❤️ is drawn as ❤, one column");
        assertEquals("\u263A", Sanitizer.clean("\u263A\uFE0E"), "VS15 too");
        assertEquals("1\u20E3", Sanitizer.clean("1\uFE0F\u20E3"), "keycap: digit and enclosing mark, one column");
    }

    @Test
    void skinTonesAfterAnEmojiAreDropped() {
        assertEquals("\uD83D\uDC4D ok", Sanitizer.clean("\uD83D\uDC4D\uD83C\uDFFD ok"), "👍🏽: tmux draws 4, kitty 2");
        assertEquals("x \uD83C\uDFFD", Sanitizer.clean("x \uD83C\uDFFD"), "a lone swatch is a 2-column symbol");
    }

    @Test
    void flagsBecomeBracketedLetters() {
        Sanitized ua = Sanitizer.line("Slava \uD83C\uDDFA\uD83C\uDDE6!");
        assertEquals("Slava [UA]!", ua.text());
        assertFalse(ua.hadControls());
        assertEquals("[UA][DE]", Sanitizer.clean("\uD83C\uDDFA\uD83C\uDDE6\uD83C\uDDE9\uD83C\uDDEA"));
        assertEquals("[U] x", Sanitizer.clean("\uD83C\uDDFA x"), "a lone regional indicator");
        String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        assertEquals("go [GB-SCT]", Sanitizer.clean("go " + scotland));
        assertEquals("\uD83C\uDFF4<U+E0067>", Sanitizer.clean("\uD83C\uDFF4\uDB40\uDC67"), "unterminated tags stay marked");
    }

    @Test
    void codePointsNewerThanTheRuntimeBecomeMarkersWithoutCountingAsControls() {
        Sanitized s = Sanitizer.line("shaking \uD83E\uDEE8 face"); // U+1FAE8 (Unicode 15): tmux 3.3a draws 0 columns
        assertEquals("shaking <U+1FAE8> face", s.text());
        assertFalse(s.hadControls());
    }

    @Test
    void nulIsCaretNotationAndNeverEndsTheText() {
        assertEquals("before^@after", Sanitizer.clean("before\0after"));
        assertEquals("a^@\nb", Sanitizer.multiline("a\0\nb").text());
    }

    @Test
    void zwnjKeptInPersianButNotInLatin() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // می‌خواهم
        Sanitized s = Sanitizer.line(persian);
        assertEquals(persian, s.text());
        assertFalse(s.hadControls());
        assertEquals("sp<U+200C>am", Sanitizer.clean("sp\u200Cam"));
    }

    @Test
    void combiningFloodCappedAtTwoMarks() {
        String zalgo = "Z" + "\u0301".repeat(200) + "a";
        Sanitized s = Sanitizer.line(zalgo);
        assertEquals("Z\u0301\u0301a", s.text());
        assertTrue(s.hadControls());
        Sanitized ok = Sanitizer.line("e\u0301 \u1EC7 e\u0323\u0302");
        assertEquals("e\u0301 \u1EC7 e\u0323\u0302", ok.text(), "normal accents untouched");
        assertFalse(ok.hadControls());
    }

    @Test
    void loneSurrogatesBecomeReplacementChar() {
        Sanitized s = Sanitizer.line("a\uD800b\uDC00c");
        assertEquals("a\uFFFDb\uFFFDc", s.text());
        assertTrue(s.hadControls());
        assertEquals("\uD83D\uDE00", Sanitizer.clean("\uD83D\uDE00"), "valid pairs stay whole");
        assertEquals("x\uFFFD", Sanitizer.clean("x\uD83D"), "high surrogate at the end");
    }

    @Test
    void noncharactersMarkedPrivateUseKept() {
        assertEquals("<U+FFFE><U+FDD0>", Sanitizer.clean("\uFFFE\uFDD0"));
        Sanitized pua = Sanitizer.line("\uE0A0 main");
        assertEquals("\uE0A0 main", pua.text());
        assertFalse(pua.hadControls());
    }

    @Test
    void multilineNormalisesLineBreaksAndKeepsThem() {
        Sanitized s = Sanitizer.multiline("a\r\nb\rc\nd\u2028e");
        assertEquals("a\nb\nc\nd\ne", s.text());
        assertFalse(s.hadControls());
        assertSafe(Sanitizer.multiline("x\r\n\u001b[1m\ty").text(), true);
    }

    @Test
    void multilineExpandsTabsToFourColumnStops() {
        assertEquals("    x", Sanitizer.multiline("\tx").text());
        assertEquals("ab  x\n    y", Sanitizer.multiline("ab\tx\n\ty").text());
        assertEquals("\u4E2D\u6587    x", Sanitizer.multiline("\u4E2D\u6587\tx").text(), "wide chars count 2");
        assertFalse(Sanitizer.multiline("\t").hadControls());
    }

    @Test
    void lineCollapsesWhitespaceAndTrims() {
        assertEquals("a b c d", Sanitizer.clean("  a\r\n\r\nb\t\tc \n d  "));
        assertFalse(Sanitizer.line("a\r\nb\tc").hadControls());
        assertEquals("a \u00A0 b", Sanitizer.clean("a \u00A0 b"), "nbsp is not collapsed");
    }

    @Test
    void nullAndEmpty() {
        assertEquals("", Sanitizer.clean(null));
        assertEquals(new Sanitized("", false), Sanitizer.multiline(null));
        assertEquals(new Sanitized("", false), Sanitizer.line(""));
    }

    @Test
    void plainTextUntouched() {
        String text = "Hello, wörld! \u4E2D\u6587 \uD83D\uDE00 <b>&amp;</b>";
        Sanitized s = Sanitizer.line(text);
        assertEquals(text, s.text());
        assertFalse(s.hadControls());
    }

    @Test
    void tenMegabytesIsLinear() {
        String big = ("abc\u001b[31m\u202E\u0301\u0301\u0301 \t\r\n").repeat(10_000_000 / 16);
        long t0 = System.nanoTime();
        Sanitized s = Sanitizer.multiline(big);
        Sanitizer.line(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(s.hadControls());
        assertTrue(ms < 30_000, "took " + ms + " ms"); // generous: shared CI cores; quadratic would take hours
    }
}
