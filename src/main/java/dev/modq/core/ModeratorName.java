package dev.modq.core;

import java.util.regex.Pattern;

/**
 * What a moderator's name may be: an operating-system account name as useradd and NSS directories make them
 * (letters, digits, {@code _ . @ -}, not starting with {@code -} or {@code .}, at most 64 characters). Anything else
 * (empty, spaces, escape sequences, newlines) could never match a login and would be printed into terminals.
 */
public final class ModeratorName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}\\$?");

    private ModeratorName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns the name, or throws IllegalArgumentException with one line saying what a name may be. */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid moderator name " + quoted(name) + ": use the person's"
                    + " operating-system user name (letters, digits, _ . @ -, at most 64, not starting with - or .)");
        }
        return name;
    }

    /** The name quoted with control characters spelled out, so the error itself cannot drive the terminal. */
    private static String quoted(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder("'");
        name.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('\'').toString();
    }
}
