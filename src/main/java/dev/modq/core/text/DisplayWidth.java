package dev.modq.core.text;

/**
 * Terminal column widths by code point, in the spirit of wcwidth(3).
 *
 * <p>Input is expected to be already sanitised (see {@link Sanitizer}); controls that slip through count 0.
 * Widths: 0 for non-spacing/enclosing marks, format characters and conjoining Hangul vowels/finals;
 * 2 for East Asian Wide/Fullwidth (CJK, Hangul syllables, fullwidth forms, kana) and emoji; 1 otherwise
 * (including spacing marks, private use and unassigned code points, as xterm-style wcwidth does).
 *
 * <p>The wide set is exactly East Asian Width W/F (Unicode 14, the data glibc's wcwidth, tmux and most
 * terminals draw by): emoji with default emoji presentation are wide, text-presentation symbols such as
 * U+1F327 or U+2764 are narrow. Guessing "wide" for a narrow symbol is not safe: the terminal draws one
 * column, the screen model keeps two, and every later cell of the row lands one column off. Sequences whose
 * width terminals disagree about (VS16, ZWJ, regional-indicator pairs, skin tones, code points newer than the
 * runtime's Unicode) never get here: {@link Sanitizer} rewrites them into forms whose width is certain.
 */
public final class DisplayWidth {

    /** The ellipsis appended when text is cut; it is one column wide. */
    public static final String ELLIPSIS = "\u2026";

    /**
     * Sorted, non-overlapping inclusive ranges [start, end, start, end, ...] of double-width code points:
     * assigned code points of EastAsianWidth.txt W and F (Unicode 14), merged, plus the unassigned parts of the
     * CJK ideograph blocks and planes 2-3 (W by default in that file).
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99,
        0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB, 0x3000, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF,
        0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3, 0x31F0, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF,
        0x4E00, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
        0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
        0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB,
        0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B150, 0x1B152, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004,
        0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248,
        0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
        0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
        0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596,
        0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7,
        0x1F6DD, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A,
        0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FA74, 0x1FA78, 0x1FA7C, 0x1FA80, 0x1FA86, 0x1FA90, 0x1FAAC,
        0x1FAB0, 0x1FABA, 0x1FAC0, 0x1FAC5, 0x1FAD0, 0x1FAD9, 0x1FAE0, 0x1FAE7, 0x1FAF0, 0x1FAF6, 0x20000, 0x2FFFD,
        0x30000, 0x3FFFD,
    };

    private DisplayWidth() {
    }

    /** Columns the code point occupies on a terminal: 0, 1 or 2. */
    public static int of(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            return 0; // controls are never drawn as themselves once sanitised
        }
        if (cp < 0x300) {
            return 1; // fast path for Latin text; U+00AD soft hyphen is 1, as in wcwidth
        }
        if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
            return 0; // conjoining Hangul vowels/finals join the preceding leading consonant
        }
        if (inWide(cp)) {
            return 2;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
                return 0;
            default:
                return 1;
        }
    }

    /** Columns the whole string occupies; null counts 0. */
    public static int of(String s) {
        if (s == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /**
     * Cuts {@code s} so that it fits in {@code columns}, ending with {@link #ELLIPSIS} when anything was cut.
     * Cuts only between code points, so surrogate pairs stay whole and a wide character is either kept
     * whole or dropped; zero-width marks stay with their base. The result's width is always {@code <= columns}.
     */
    public static String truncate(String s, int columns) {
        if (s == null || columns <= 0) {
            return "";
        }
        // Fast path: the whole string fits. Stops counting as soon as it exceeds.
        int end = prefixEnd(s, columns);
        if (end == s.length()) {
            return s;
        }
        int cut = prefixEnd(s, columns - 1); // leave one column for the ellipsis
        while (cut > 0 && s.charAt(cut - 1) == '\u200D') {
            cut--; // a dangling zero-width joiner would try to glue the ellipsis onto an emoji
        }
        return s.substring(0, cut) + ELLIPSIS;
    }

    /** Truncates, then pads with spaces on the right to exactly {@code columns} columns. */
    public static String padRight(String s, int columns) {
        String cut = truncate(s, columns);
        int pad = Math.max(0, columns) - of(cut);
        return pad <= 0 ? cut : cut + " ".repeat(pad);
    }

    /** Truncates, then pads with spaces on the left to exactly {@code columns} columns (numeric columns). */
    public static String padLeft(String s, int columns) {
        String cut = truncate(s, columns);
        int pad = Math.max(0, columns) - of(cut);
        return pad <= 0 ? cut : " ".repeat(pad) + cut;
    }

    /** A left-aligned table cell of exactly {@code columns} columns; the same as {@link #padRight}. */
    public static String fit(String s, int columns) {
        return padRight(s, columns);
    }

    /** Index just past the longest code-point prefix of {@code s} whose width is {@code <= columns}. */
    private static int prefixEnd(String s, int columns) {
        int width = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = of(cp);
            if (width + w > columns) {
                return i;
            }
            width += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean inWide(int cp) {
        if (cp < WIDE[0]) {
            return false;
        }
        // Binary search over range starts (even indices).
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[2 * mid]) {
                hi = mid - 1;
            } else if (cp > WIDE[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
