package dev.modq.tui.lanterna;

import dev.modq.core.text.DisplayWidth;

/**
 * Follows where the screen believes the cursor is, so that after writing a grapheme whose drawn width a
 * terminal might not share (anything wide, combined or outside the simple alphabets) the cursor can be put
 * back explicitly where the screen expects it. If a terminal draws such a grapheme one column narrower or
 * wider than {@link DisplayWidth} says, only that cell looks odd: the rest of the row cannot shift.
 */
final class CursorAnchor {

    private int col = -1;
    private int row = -1;

    /** The screen moved the cursor. */
    void movedTo(int column, int line) {
        col = column;
        row = line;
    }

    /** The screen wrote {@code s}; returns the 1-based "row;col" to re-anchor at, or null when none is needed. */
    String wrote(String s) {
        if (col < 0) {
            return null;
        }
        boolean certain = isCertain(s);
        col += Math.max(1, DisplayWidth.of(s)); // the screen advances one cell for a zero-width grapheme too
        return certain ? null : (row + 1) + ";" + (col + 1);
    }

    /** The screen's position is no longer known (cleared screen, private mode switched). */
    void lost() {
        col = -1;
        row = -1;
    }

    /** One code point below U+1100 (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic ...): every terminal agrees. */
    static boolean isCertain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x1100 || (i > 0 && c >= 0x300)) {
                return false;
            }
        }
        return true;
    }
}
