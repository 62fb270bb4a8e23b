package dev.modq.tui.lanterna;

import java.nio.charset.StandardCharsets;

/**
 * Works around Lanterna 3.1.3's {@code StreamBasedTerminal.convertToCharset}: it writes the whole backing
 * array of {@code Charset.encode(..)} (a stray NUL after {@code é}) and one UTF-16 unit at a time (emoji
 * become {@code ??}). Strings that reach here are whole graphemes from the screen: encode them in one go.
 */
final class Utf8Output {

    private Utf8Output() {
    }

    /** Bytes for a string the screen draws; control characters (which Lanterna would drop) are left out. */
    static byte[] encode(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = c >= 0x20 && (c < 0x7F || c >= 0xA0);
        }
        if (clean) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp >= 0x20 && (cp < 0x7F || cp >= 0xA0)).forEach(sb::appendCodePoint);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
