package dev.modq.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code modq import} reads; {@link #detect} tells them apart from a file's first KB. */
public enum ImportFormat {
    AUTO, WXR, DISQUS, BLOGGER, JSONL, CSV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a file whose first bytes are {@code head}, if it looks like one modq reads. */
    public static Optional<ImportFormat> detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("<rss") && (lower.contains("wordpress.org/export") || lower.contains("<wp:"))) {
            return Optional.of(WXR);
        }
        if (lower.contains("<disqus")) {
            return Optional.of(DISQUS);
        }
        if (lower.contains("<feed") && lower.contains("blogger")) {
            return Optional.of(BLOGGER);
        }
        if (text.startsWith("{")) {
            return Optional.of(JSONL);
        }
        String firstLine = lower.lines().findFirst().orElse("");
        if (firstLine.contains(",") && firstLine.contains("comment_id") && firstLine.contains("post_id")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** What the start of an unrecognised file looks like, for the error message. */
    static String describe(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        if (text.isEmpty()) {
            return "it is empty";
        }
        if (text.startsWith("<")) {
            return "it is XML but not a WordPress <rss>, a <disqus> or a Blogger <feed> export";
        }
        String start = text.lines().findFirst().orElse("");
        start = start.substring(0, Math.min(30, start.length())).replaceAll("\\p{Cntrl}", "?");
        return "it starts with \"" + start + "\"";
    }
}
