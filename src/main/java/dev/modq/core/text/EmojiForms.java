package dev.modq.core.text;

/**
 * Emoji sequences whose drawn width terminals disagree about, rewritten into forms whose width is certain.
 *
 * <p>Seen in tmux 3.3a: U+1F327 + VS16 drawn in 1 column, U+2764 + VS16 drawn blank, a flag (two regional
 * indicators) counted 2 but drawn as one letter, a ZWJ family counted 2, a skin-toned thumb counted 4; other
 * terminals (kitty, WezTerm, iTerm2) join some of these into one 2-column glyph. A screen model that guesses
 * wrong shifts the rest of the row. So, following the base character's own East Asian Width:
 * <ul>
 *   <li>variation selectors VS15/VS16 (U+FE0E/U+FE0F) are dropped: the base is drawn with its own width;</li>
 *   <li>skin-tone modifiers after an emoji are dropped (the base emoji stays);</li>
 *   <li>a ZWJ between two emoji is dropped: the sequence is drawn as its components;</li>
 *   <li>a regional-indicator pair becomes its letters in brackets ({@code [UA]}), a lone one {@code [U]};</li>
 *   <li>a tag-sequence flag (U+1F3F4 + tag letters) becomes {@code [GB-SCT]}.</li>
 * </ul>
 * None of these is hostile, so none marks the text as having contained control characters.
 */
final class EmojiForms {

    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int TAG_FIRST = 0xE0020;
    private static final int TAG_CANCEL = 0xE007F;

    /** What to write instead of the input at some index, and how many chars of input that covers. */
    record Form(String text, int length) {
        boolean dropped() {
            return text.isEmpty();
        }
    }

    private EmojiForms() {
    }

    /**
     * The certain form of the sequence starting with {@code cp} at {@code raw[i]}, or null when {@code cp} starts
     * nothing uncertain. {@code baseCp} is the last base character written before (for modifiers and joiners).
     */
    static Form at(String raw, int i, int cp, int baseCp) {
        int len = Character.charCount(cp);
        int next = i + len < raw.length() ? raw.codePointAt(i + len) : -1;
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return new Form("", len);
        }
        if (isSkinTone(cp) && Sanitizer.isEmoji(baseCp)) {
            return new Form("", len);
        }
        if (cp == ZWJ && Sanitizer.isEmoji(baseCp) && Sanitizer.isEmoji(next)) {
            return new Form("", len);
        }
        if (isRegionalIndicator(cp)) {
            return isRegionalIndicator(next)
                    ? new Form("[" + letter(cp) + letter(next) + "]", len + Character.charCount(next))
                    : new Form("[" + letter(cp) + "]", len);
        }
        if (cp == BLACK_FLAG && next >= TAG_FIRST && next < TAG_CANCEL) {
            return tagFlag(raw, i + len);
        }
        return null;
    }

    /** U+1F3F4 then tag letters then CANCEL TAG, e.g. gbsct: {@code [GB-SCT]}; anything else is left alone. */
    private static Form tagFlag(String raw, int tagsStart) {
        StringBuilder letters = new StringBuilder();
        int j = tagsStart;
        while (j < raw.length() && letters.length() <= 8) {
            int t = raw.codePointAt(j);
            j += Character.charCount(t);
            if (t == TAG_CANCEL) {
                if (letters.length() < 3) {
                    return null;
                }
                String s = letters.toString().toUpperCase(java.util.Locale.ROOT);
                return new Form("[" + s.substring(0, 2) + "-" + s.substring(2) + "]", j - tagsStart + 2);
            }
            if (t < TAG_FIRST || t > TAG_CANCEL || !Character.isLetterOrDigit(t - 0xE0000)) {
                return null;
            }
            letters.appendCodePoint(t - 0xE0000);
        }
        return null;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static char letter(int regionalIndicator) {
        return (char) ('A' + regionalIndicator - 0x1F1E6);
    }

    static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }
}
