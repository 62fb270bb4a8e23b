package dev.modq.core.score;

/**
 * A hand-written word scanner: words are runs of letters and digits, lower-cased; Chinese, Japanese and
 * Korean text, which has no spaces, becomes overlapping character bigrams. HTML tags are skipped (a '<' with
 * no '>' within 512 characters is text). Linear in the characters scanned, never backtracks.
 */
final class Words {

    interface Sink {
        void word(String word, boolean cjk);
    }

    /** What the scan saw beside the words. */
    record Stats(int letters, int upper, int bangs, int money, int longNumbers) {
    }

    private static final int MAX_WORD = 30;
    private static final int MAX_TAG = 512;

    private Words() {
    }

    static Stats scan(String s, int from, int end, Sink sink) {
        int letters = 0;
        int upper = 0;
        int bangs = 0;
        int money = 0;
        int longNumbers = 0;
        StringBuilder word = new StringBuilder();
        boolean allDigits = true;
        int prevCjk = -1;
        int i = from;
        while (i < end) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isCjk(cp)) {
                longNumbers += flush(word, allDigits, sink);
                allDigits = true;
                if (prevCjk >= 0) {
                    sink.word(new StringBuilder().appendCodePoint(prevCjk).appendCodePoint(cp).toString(), true);
                } else if (next >= end || !isCjk(s.codePointAt(next))) {
                    sink.word(new String(Character.toChars(cp)), true);
                }
                prevCjk = cp;
                i = next;
                continue;
            }
            prevCjk = -1;
            if (Character.isLetterOrDigit(cp)) {
                if (Character.isLetter(cp)) {
                    letters++;
                    allDigits = false;
                    if (Character.isUpperCase(cp)) {
                        upper++;
                    }
                }
                if (word.length() <= MAX_WORD) {
                    word.appendCodePoint(Character.toLowerCase(cp));
                }
            } else {
                longNumbers += flush(word, allDigits, sink);
                allDigits = true;
                if (cp == '!' && next < end && s.charAt(next) == '!') {
                    bangs++;
                } else if (cp == '$' || cp == '\u00a3' || cp == '\u20ac') {
                    money++;
                } else if (cp == '<') {
                    next = skipTag(s, i, end);
                }
            }
            i = next;
        }
        longNumbers += flush(word, allDigits, sink);
        return new Stats(letters, upper, bangs, money, longNumbers);
    }

    /** Emits the word; returns 1 when it was a number of five digits or more (which are not words). */
    private static int flush(StringBuilder word, boolean allDigits, Sink sink) {
        int n = word.length();
        if (n == 0) {
            return 0;
        }
        int longNumber = 0;
        if (allDigits && n >= 5) {
            longNumber = 1;
        } else if (n > MAX_WORD) {
            sink.word("<long word>", false);
        } else if (n >= 2 || allDigits) {
            sink.word(word.toString(), false);
        }
        word.setLength(0);
        return longNumber;
    }

    /** After a tag starting at {@code lt}, or just past the '<' when it does not look like one. */
    private static int skipTag(String s, int lt, int end) {
        if (lt + 1 >= end) {
            return lt + 1;
        }
        char c = s.charAt(lt + 1);
        if (!(Character.isLetter(c) || c == '/' || c == '!')) {
            return lt + 1;
        }
        int limit = Math.min(end, lt + MAX_TAG);
        for (int j = lt + 1; j < limit; j++) {
            if (s.charAt(j) == '>') {
                return j + 1;
            }
        }
        return lt + 1;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
