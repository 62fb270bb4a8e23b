package dev.modq.core.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whole-word, case-insensitive matching of a word list: "smartwatch" does not match a list holding "twat" (the
 * substring trap Lemmy's slur filter fell into). Text is split into words (runs of letters, digits, marks and
 * apostrophes); an entry of several words matches those words in a row. Entries in scripts written without
 * spaces (Chinese, Japanese, Thai...) cannot be matched as whole words and match as substrings instead.
 * Linear in the text: one pass, one hash lookup per word and phrase length.
 */
public final class WordMatcher {

    private final Set<String> phrases = new HashSet<>();
    private final List<String> substrings = new ArrayList<>();
    private int longest = 1;

    public WordMatcher(Collection<String> entries) {
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (hasUnspacedScript(lower)) {
                substrings.add(lower);
                continue;
            }
            List<String> words = words(lower);
            if (!words.isEmpty()) {
                phrases.add(String.join(" ", words));
                longest = Math.max(longest, words.size());
            }
        }
    }

    /** The first entry found in {@code text} (as the list holds it, lower-cased), or null. */
    public String find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : substrings) {
            if (lower.contains(s)) {
                return s;
            }
        }
        if (phrases.isEmpty()) {
            return null;
        }
        // one pass over the words; phrases of several words only look back at the last few words
        String[] recent = new String[longest];
        int seen = 0;
        int i = 0;
        int n = lower.length();
        StringBuilder phrase = new StringBuilder();
        while (i < n) {
            while (i < n && !isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int start = i;
            while (i < n && (isWordChar(lower.codePointAt(i)) || isInnerApostrophe(lower, i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i == start) {
                continue;
            }
            String word = lower.substring(start, i);
            if (phrases.contains(word)) {
                return word;
            }
            if (longest > 1) {
                recent[seen++ % longest] = word;
                for (int k = 2; k <= Math.min(longest, seen); k++) {
                    phrase.setLength(0);
                    for (int j = seen - k; j < seen; j++) {
                        phrase.append(j == seen - k ? "" : " ").append(recent[j % longest]);
                    }
                    String candidate = phrase.toString();
                    if (phrases.contains(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    public boolean matches(String text) {
        return find(text) != null;
    }

    /** Words: runs of letters, digits, combining marks and inner apostrophes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && (isWordChar(text.codePointAt(i)) || isInnerApostrophe(text, i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == '_';
    }

    private static boolean isInnerApostrophe(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '\u2019') && i > 0 && i + 1 < text.length()
                && isWordChar(text.codePointAt(i + 1)) && isWordChar(text.codePointBefore(i));
    }

    private static boolean hasUnspacedScript(String s) {
        return s.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
