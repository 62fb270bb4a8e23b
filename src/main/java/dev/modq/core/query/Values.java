package dev.modq.core.query;

/** How values are written in queries: quoting for the printer, and safe echoing in error messages. */
final class Values {

    private static final int SHOWN_MAX = 40;

    private Values() {
    }

    /** Whitespace in the broad sense (including no-break spaces): it separates terms. */
    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** ASCII digits only: {@code Character.isDigit} would also accept other scripts' digits. */
    static boolean isAllDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value as the parser would read it back: bare when that is unambiguous, quoted otherwise. */
    static String print(String value) {
        return needsQuotes(value) ? quote(value) : value;
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || isSeparator(c)) {
                return true;
            }
        }
        return false;
    }

    /** A user value inside an error message: control characters hidden and long values cut, so it stays one line. */
    static String show(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < SHOWN_MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return value.length() > SHOWN_MAX ? out + "…" : out.toString();
    }
}
