package dev.modq.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void widths() {
        assertEquals(4, DisplayWidth.of("\u4E2D\u6587"));
        assertEquals(2, DisplayWidth.of("\uD83D\uDE00"));
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(5, DisplayWidth.of("hello"));
        assertEquals(0, DisplayWidth.of(""));
        assertEquals(0, DisplayWidth.of((String) null));
        assertEquals(6, DisplayWidth.of("\uD55C\uAD6D\uC5B4"), "Hangul syllables");
        assertEquals(2, DisplayWidth.of("\uFF21"), "fullwidth A");
        assertEquals(2, DisplayWidth.of("\u3042"), "hiragana");
        assertEquals(2, DisplayWidth.of(0x20000), "CJK extension B");
        assertEquals(2, DisplayWidth.of(0x1FAE0), "Unicode 14 emoji (melting face)");
        assertEquals(1, DisplayWidth.of(0x1F327), "text-presentation symbol in an emoji block: tmux draws 1");
        assertEquals(1, DisplayWidth.of(0x2764), "heavy black heart is narrow");
        assertEquals(1, DisplayWidth.of(0x1F321), "thermometer: narrow, next to wide U+1F320's neighbours");
        assertEquals(2, DisplayWidth.of(0x1F320), "shooting star: emoji presentation, wide");
        assertEquals(2, DisplayWidth.of(0x1F3FD), "a skin-tone swatch on its own");
        assertEquals(2, DisplayWidth.of(0x2705), "check mark button");
        assertEquals(0, DisplayWidth.of(0x200B));
        assertEquals(0, DisplayWidth.of(0x20DD), "enclosing mark");
        assertEquals(1, DisplayWidth.of(0xE000), "private use");
        assertEquals(1, DisplayWidth.of(0x2026), "ellipsis");
        assertEquals(0, DisplayWidth.of(0x1B), "stray control");
        assertEquals(1, DisplayWidth.of(0x303F), "table boundary: U+303F is narrow");
        assertEquals(2, DisplayWidth.of(0x303E));
    }

    @Test
    void truncateFitsAndMarksCut() {
        assertEquals("hello", DisplayWidth.truncate("hello", 5));
        assertEquals("hell\u2026", DisplayWidth.truncate("hello world", 5));
        assertEquals("\u4E2D\u2026", DisplayWidth.truncate("\u4E2D\u6587\u5B57", 4), "no half wide char");
        assertEquals("\u4E2D\u6587", DisplayWidth.truncate("\u4E2D\u6587", 4));
        assertEquals("\u2026", DisplayWidth.truncate("\u4E2D\u6587", 1));
        assertEquals("", DisplayWidth.truncate("abc", 0));
        assertEquals("", DisplayWidth.truncate("abc", -3));
        assertEquals("", DisplayWidth.truncate(null, 3));
        assertEquals("e\u0301\u2026", DisplayWidth.truncate("e\u0301e\u0301e", 2), "marks stay with base");
    }

    @Test
    void truncateNeverSplitsSurrogatePairs() {
        String emoji = "\uD83D\uDE00".repeat(10);
        for (int w = 0; w <= 22; w++) {
            String t = DisplayWidth.truncate(emoji, w);
            assertTrue(DisplayWidth.of(t) <= w, "width " + w);
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1)), t);
                    i++;
                } else {
                    assertTrue(!Character.isLowSurrogate(c), t);
                }
            }
        }
    }

    @Test
    void truncateDropsDanglingZwj() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 6 columns summed (unsanitised)
        assertEquals("\uD83D\uDC68\u2026", DisplayWidth.truncate(family, 4));
    }

    @Test
    void padAndFit() {
        assertEquals("ab   ", DisplayWidth.padRight("ab", 5));
        assertEquals("   ab", DisplayWidth.padLeft("ab", 5));
        assertEquals("\u4E2D ", DisplayWidth.padRight("\u4E2D", 3));
        assertEquals("\u4E2D\u2026 ", DisplayWidth.fit("\u4E2D\u6587\u5B57", 4).substring(0, 2) + " ");
        for (int w = 0; w < 12; w++) {
            assertEquals(w, DisplayWidth.of(DisplayWidth.fit("\u4E2D\u6587\u5B57 abc \uD83D\uDE00", w)));
            assertEquals(w, DisplayWidth.of(DisplayWidth.padLeft("\u4E2D\u6587\u5B57", w)));
        }
        assertEquals("", DisplayWidth.padRight("x", 0));
    }
}
