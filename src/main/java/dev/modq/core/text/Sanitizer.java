package dev.modq.core.text;

/**
 * The one sanitiser every string from the store goes through before it reaches a terminal.
 *
 * <p>Comments are hostile: an ESC or a one-character C1 CSI (U+009B) can rewrite the moderator's screen,
 * bidi overrides reorder what they read (Trojan Source), zero-width characters hide text, and thousands
 * of combining marks crash or stall renderers. Everything dangerous or invisible is made <em>visible</em>
 * rather than silently dropped, so a moderator sees that a comment tried something, and
 * {@link Sanitized#hadControls()} is set so the detail view can say so.
 *
 * <p>Rules, in one linear pass:
 * <ul>
 *   <li>C0 controls and DEL in caret notation ({@code ESC -> ^[}, {@code BEL -> ^G}, {@code NUL -> ^@},
 *       {@code DEL -> ^?}); CR LF and lone CR are line breaks, not controls.</li>
 *   <li>C1 controls (U+0080–U+009F) as {@code <U+009B>}.</li>
 *   <li>Format characters (Unicode category Cf: bidi controls, zero-width space/joiners, word joiner,
 *       invisible operators, BOM, Mongolian vowel separator, soft hyphen, tag characters, ...) and the
 *       invisible Hangul fillers as {@code <U+202E>} markers. Soft hyphen is marked too: it is invisible in
 *       most terminals and is a classic way to dodge word filters.</li>
 *   <li>Exception: ZWJ and ZWNJ (U+200C) between two letters of a script that needs them (Arabic, Persian,
 *       Indic, ...) are kept, because there they are orthography and visibly change the shaping.</li>
 *   <li>Emoji sequences whose width terminals disagree about (VS16, ZWJ between emoji, skin tones, flags) are
 *       rewritten into forms of certain width by {@link EmojiForms}; code points newer than the runtime's
 *       Unicode tables become {@code <U+1FAE8>} markers (not counted as controls).</li>
 *   <li>At most {@value #MAX_MARKS} consecutive combining marks (Mn, Me, Mc) per base; the rest dropped.</li>
 *   <li>Lone surrogates become U+FFFD; noncharacters (U+FDD0–U+FDEF, U+xxFFFE/F) become markers.</li>
 *   <li>Private-use characters are left alone: they are just glyphs (icon fonts) with no control meaning.</li>
 *   <li>Tabs: {@link #line} turns them into a space like any whitespace; {@link #multiline} expands them
 *       with spaces to the next multiple of {@value #TAB_STOP} columns so code snippets keep their shape
 *       (Lanterna would turn a tab into a single space otherwise).</li>
 * </ul>
 */
public final class Sanitizer {

    /** Combining marks kept per base character; enough for Vietnamese and most Indic clusters. */
    static final int MAX_MARKS = 2;
    static final int TAB_STOP = 4;

    /**
     * Sanitised text plus whether anything dangerous or invisible was found in the input.
     *
     * @param text        safe to draw or print: no C0 (except {@code \n} in multiline text), no DEL, no C1,
     *                    no bidi, zero-width or other format characters (bar the joiners noted above)
     * @param hadControls true when anything was replaced, marked or dropped for safety
     */
    public record Sanitized(String text, boolean hadControls) {
    }

    private Sanitizer() {
    }

    /** For detail views: keeps line breaks ({@code \r\n} and {@code \r} become {@code \n}). */
    public static Sanitized multiline(String raw) {
        return sanitize(raw, true);
    }

    /**
     * For one-line contexts (list rows, headers): line breaks, tabs and other whitespace runs collapse to a
     * single space and the result is trimmed.
     */
    public static Sanitized line(String raw) {
        return sanitize(raw, false);
    }

    /** {@code line(raw).text()}; null becomes "". */
    public static String clean(String raw) {
        return line(raw).text();
    }

    private static Sanitized sanitize(String raw, boolean multiline) {
        if (raw == null || raw.isEmpty()) {
            return new Sanitized("", false);
        }
        Out out = new Out(raw.length(), multiline);
        int marks = 0;      // consecutive combining marks after the current base
        int prevCp = -1;    // previous input code point (for joiner context)
        int baseCp = -1;    // last base code point written (emoji context for skin tones and joiners)
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            int cp;
            int len = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                cp = Character.toCodePoint(c, raw.charAt(i + 1));
                len = 2;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD; // lone surrogate: not text, and some terminals choke on it
                out.flag();
            } else {
                cp = c;
            }
            int next = i + len < n ? raw.codePointAt(i + len) : -1;

            EmojiForms.Form form = len == 2 || cp >= 0x200D ? EmojiForms.at(raw, i, cp, baseCp) : null;
            if (form != null) {
                if (!form.dropped()) {
                    out.visible(form.text());
                    marks = 0;
                    baseCp = -1;
                    prevCp = -1;
                }
                i += form.length();
                continue;
            }
            if (isMark(cp)) {
                if (++marks > MAX_MARKS) {
                    out.flag(); // combining flood (zalgo, CVE-2021-27135): drop the excess
                } else {
                    out.text(cp);
                }
            } else {
                marks = 0;
                if (cp == '\r') {
                    out.lineBreak();
                    if (next == '\n') {
                        len++; // CRLF is one break
                    }
                } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                    out.lineBreak();
                } else if (cp == '\t') {
                    out.tab();
                } else if (cp < 0x20 || cp == 0x7F) {
                    out.controlText("^" + (char) (cp ^ 0x40)); // caret notation: ESC -> ^[, DEL -> ^?
                } else if (cp == ' ') {
                    out.space();
                } else if (isHidden(cp) && !keptJoiner(cp, prevCp, next)) {
                    out.controlText(marker(cp));
                } else if (Character.getType(cp) == Character.UNASSIGNED) {
                    out.visible(marker(cp)); // newer than our Unicode tables: terminals disagree on its width
                } else {
                    out.text(cp);
                }
                baseCp = cp;
            }
            prevCp = cp;
            i += len;
        }
        return new Sanitized(out.finish(), out.flagged);
    }

    /** C1 controls, format characters, invisible fillers and noncharacters: shown as markers. */
    private static boolean isHidden(int cp) {
        if (cp >= 0x80 && cp <= 0x9F) {
            return true;
        }
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
            return true; // Hangul fillers: blank glyphs used for invisible names and text
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return true; // noncharacters
        }
        return Character.getType(cp) == Character.FORMAT;
    }

    private static boolean keptJoiner(int cp, int prevCp, int next) {
        return (cp == 0x200D || cp == 0x200C) && prevCp >= 0 && next >= 0
                && joiningScript(prevCp) && joiningScript(next)
                && Character.UnicodeScript.of(prevCp) == Character.UnicodeScript.of(next);
    }

    /** Scripts whose orthography uses ZWJ/ZWNJ (Persian, Urdu, Hindi, Malayalam, ...). */
    private static boolean joiningScript(int cp) {
        if (!Character.isLetter(cp) && !isMark(cp)) {
            return false;
        }
        switch (Character.UnicodeScript.of(cp)) {
            case ARABIC: case SYRIAC: case NKO: case MONGOLIAN:
            case DEVANAGARI: case BENGALI: case GURMUKHI: case GUJARATI: case ORIYA:
            case TAMIL: case TELUGU: case KANNADA: case MALAYALAM: case SINHALA:
                return true;
            default:
                return false;
        }
    }

    /** Approximation of Extended_Pictographic: the blocks emoji ZWJ sequences are built from. */
    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122;
    }


    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    static String marker(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return "<U+" + "0000".substring(Math.min(4, hex.length())) + hex + ">";
    }

    /** Output builder: handles whitespace folding (line mode) and tab stops (multiline mode). */
    private static final class Out {
        private final StringBuilder sb;
        private final boolean multiline;
        private boolean flagged;
        private boolean pendingSpace; // line mode: whitespace seen, emitted lazily so runs collapse and ends trim
        private int column;           // multiline mode: display column on the current line, for tab stops

        Out(int capacity, boolean multiline) {
            this.sb = new StringBuilder(capacity + 16);
            this.multiline = multiline;
        }

        void flag() {
            flagged = true;
        }

        void text(int cp) {
            beforeText();
            sb.appendCodePoint(cp);
            if (multiline) {
                column += DisplayWidth.of(cp);
            }
        }

        void controlText(String visible) {
            flagged = true;
            visible(visible);
        }

        /** Text written in place of the input (a marker, a rewritten emoji form); ASCII, one column per char. */
        void visible(String text) {
            beforeText();
            sb.append(text);
            column += text.length();
        }

        void space() {
            if (multiline) {
                sb.append(' ');
                column++;
            } else {
                pendingSpace = true;
            }
        }

        void tab() {
            if (multiline) {
                int pad = TAB_STOP - column % TAB_STOP;
                sb.append(" ".repeat(pad));
                column += pad;
            } else {
                pendingSpace = true;
            }
        }

        void lineBreak() {
            if (multiline) {
                sb.append('\n');
                column = 0;
            } else {
                pendingSpace = true;
            }
        }

        private void beforeText() {
            if (pendingSpace) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
            }
        }

        String finish() {
            return sb.toString();
        }
    }
}
