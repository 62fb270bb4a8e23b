package dev.modq.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SSH exec request ({@code ssh HOST list --where 'links:>3'} arrives as one string) into words the way a
 * POSIX shell would quote them, and nothing more: single quotes keep everything literally, double quotes keep
 * everything but {@code \"}, {@code \\}, {@code \$} and {@code \`}, a backslash outside quotes escapes the next
 * character. No variables, globs, pipes or substitutions: {@code $HOME}, {@code *} and {@code ;} are plain text,
 * since no shell runs.
 */
public final class Words {

    private Words() {
    }

    /** The words of {@code line}; IllegalArgumentException for an unterminated quote or a trailing backslash. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in the command (column " + (i + 1) + ")");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("the command ends with a lone backslash");
                }
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted text starting at {@code i} (after the quote); returns the index after the closing quote. */
    private static int doubleQuoted(String line, int i, StringBuilder word) {
        int start = i - 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated \" in the command (column " + (start + 1) + ")");
    }
}
