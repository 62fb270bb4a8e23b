package dev.modq.cli;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How wide the terminal is, for cutting tables: $COLUMNS, else `stty size`, else 80. 0 when not a terminal. */
final class TerminalWidth {

    private static final int FALLBACK = 80;

    private TerminalWidth() {
    }

    static int detect() {
        if (System.console() == null) {
            return 0;
        }
        Integer fromEnv = positive(System.getenv().get("COLUMNS"));
        if (fromEnv != null) {
            return fromEnv;
        }
        Integer fromStty = stty();
        return fromStty != null ? fromStty : FALLBACK;
    }

    static Integer fromEnvironment(Map<String, String> env) {
        return positive(env.get("COLUMNS"));
    }

    private static Integer stty() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroy();
                return null;
            }
            String[] parts = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
            return parts.length == 2 ? positive(parts[1]) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
