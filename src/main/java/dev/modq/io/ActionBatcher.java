package dev.modq.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects ids per command prefix and writes "prefix id id id" lines no longer than {@link #MAX_LINE}. */
final class ActionBatcher {

    /** Far below any shell's or ssh's argument limit, and still few lines for big exports. */
    static final int MAX_LINE = 4000;

    private final Appendable out;
    private final Map<String, StringBuilder> lines = new LinkedHashMap<>();

    ActionBatcher(Appendable out, String... prefixes) {
        this.out = out;
        for (String prefix : prefixes) {
            lines.put(prefix, new StringBuilder());
        }
    }

    void add(String prefix, String id) throws IOException {
        StringBuilder line = lines.get(prefix);
        if (line.length() > 0 && prefix.length() + line.length() + 1 + id.length() > MAX_LINE) {
            flush(prefix, line);
        }
        line.append(' ').append(id);
    }

    void finish() throws IOException {
        for (Map.Entry<String, StringBuilder> e : lines.entrySet()) {
            if (e.getValue().length() > 0) {
                flush(e.getKey(), e.getValue());
            }
        }
    }

    private void flush(String prefix, StringBuilder line) throws IOException {
        out.append(prefix).append(line).append('\n');
        line.setLength(0);
    }

    /** Ids go into shell commands: only plain numbers ever do. */
    static boolean safeId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 20 && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
