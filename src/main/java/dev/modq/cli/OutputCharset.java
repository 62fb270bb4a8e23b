package dev.modq.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * modq writes UTF-8 whatever the locale: the text UI always did, and the command line does too (under
 * {@code LANG=C} Java would otherwise print every non-ASCII character as {@code ?}). Comments are UTF-8 text and
 * the terminals moderators use decode it; a locale that says otherwise is usually a server default nobody set
 * ({@code LANG=C} over SSH). When the locale is not UTF-8 the user is told once, on a terminal.
 */
public final class OutputCharset {

    private OutputCharset() {
    }

    /** Makes picocli's stdout and stderr writers UTF-8 (it reads these properties when it creates them). */
    public static void useUtf8() {
        System.setProperty("sun.stdout.encoding", StandardCharsets.UTF_8.name());
        System.setProperty("sun.stderr.encoding", StandardCharsets.UTF_8.name());
    }

    /** The note to show once when the locale's charset is not UTF-8, or null when it is. */
    public static String localeNote(Map<String, String> env, String nativeEncoding) {
        if (isUtf8(nativeEncoding)) {
            return null;
        }
        String name = "LANG";
        for (String v : new String[]{"LC_ALL", "LC_CTYPE", "LANG"}) {
            if (env.get(v) != null && !env.get(v).isEmpty()) {
                name = v;
                break;
            }
        }
        String value = env.getOrDefault(name, "");
        return "locale " + name + "=" + (value.isEmpty() ? "(unset)" : value) + " is not UTF-8: writing UTF-8 anyway"
                + " (LANG=C.UTF-8 silences this)";
    }

    /** The note for this process (the locale's own charset, before any -Dfile.encoding). */
    public static String localeNote() {
        String nativeEncoding = System.getProperty("native.encoding", Charset.defaultCharset().name());
        return localeNote(System.getenv(), nativeEncoding);
    }

    private static boolean isUtf8(String encoding) {
        String e = encoding == null ? "" : encoding.toUpperCase(java.util.Locale.ROOT).replace("-", "");
        return e.equals("UTF8");
    }
}
