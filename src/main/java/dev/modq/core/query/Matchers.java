package dev.modq.core.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Locale;

/**
 * The matchers that SQL cannot express: regular expressions (RE2/J, linear in the text whatever the pattern,
 * so a hostile pattern or text cannot hang modq) and word lists. Both are written after a text key:
 * {@code text:/re/}, {@code text:/re/i}, {@code text:@list}; a quoted value is always a plain substring.
 */
public final class Matchers {

    /** Longest accepted pattern: RE2 compiles in time linear in it, and a rule is written by a person. */
    public static final int MAX_PATTERN = 1_000;
    private static final int MAX_LIST_NAME = 40;

    private Matchers() {
    }

    /** Compiled; an {@link IllegalArgumentException} names RE2's reason when it refuses the pattern. */
    public static Pattern compile(String pattern, boolean ignoreCase) {
        try {
            return Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regular expression refused by RE2: " + e.getDescription()
                    + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " near '" + Values.show(e.getPattern()) + "'"));
        }
    }

    /** An unquoted value after author/email/url/text: a list, a regex, or a plain substring. */
    static Term textTerm(TextField field, Value value) {
        String text = value.text();
        if (!value.quoted() && text.startsWith("@")) {
            String name = text.substring(1);
            if (!isListName(name)) {
                throw QueryException.at(value.start(), "bad word-list name '" + Values.show(name) + "'",
                        "use 1 to " + MAX_LIST_NAME + " letters, digits, '_' or '-' after '@' (quote the value to search for '@')");
            }
            return new Term.InList(field, name);
        }
        if (!value.quoted() && isRegexShape(text)) {
            boolean ignoreCase = text.endsWith("/i");
            String pattern = text.substring(1, text.length() - (ignoreCase ? 2 : 1));
            if (pattern.length() > MAX_PATTERN) {
                throw QueryException.at(value.start(), "regular expression too long", "at most " + MAX_PATTERN + " characters");
            }
            try {
                return new Term.Matches(field, pattern, ignoreCase);
            } catch (IllegalArgumentException e) {
                throw QueryException.at(value.start(), e.getMessage(),
                        "see https://github.com/google/re2/wiki/Syntax (no backreferences or lookaround)");
            }
        }
        return new Term.Contains(field, text);
    }

    /** {@code /x/} or {@code /x/i} with a non-empty pattern. */
    static boolean isRegexShape(String text) {
        if (!text.startsWith("/")) {
            return false;
        }
        return (text.length() >= 3 && text.endsWith("/")) || (text.length() >= 4 && text.endsWith("/i"));
    }

    /** Whether an unquoted value would be read as a list or a regex rather than a substring. */
    static boolean looksSpecial(String value) {
        return value.startsWith("@") || isRegexShape(value);
    }

    static void requireMatchField(TextField field) {
        if (field == null || field == TextField.POST_TITLE) {
            throw new IllegalArgumentException("regular expressions and word lists apply to text, author, email and url");
        }
    }

    static void requirePrintablePattern(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("empty regular expression");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '"' || Values.isSeparator(c)) {
                throw new IllegalArgumentException("a regular expression has no spaces or quotes: write \\s or \\x22");
            }
        }
    }

    /** Lower-cased list name, or an exception naming the rule for names. */
    public static String requireListName(String name) {
        if (name == null || !isListName(name)) {
            throw new IllegalArgumentException("bad word-list name '" + (name == null ? "" : Values.show(name))
                    + "': use 1 to " + MAX_LIST_NAME + " letters, digits, '_' or '-'");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean isListName(String name) {
        if (name.isEmpty() || name.length() > MAX_LIST_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Values.isDigit(c) || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
