package dev.modq.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@code modq import} reads. XML exports are told apart by their first element (however long the
 * comments and processing instructions before it, as in every WordPress export); JSON lines by a leading
 * {@code {}; CSV by a header naming post_id and comment_id.
 */
public enum ImportFormat {
    AUTO, WXR, DISQUS, BLOGGER, JSONL, CSV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean xml() {
        return this == WXR || this == DISQUS || this == BLOGGER;
    }

    /** The format announced by the start of a text that is not XML, if it looks like one modq reads. */
    static Optional<ImportFormat> fromText(String firstLine) {
        String text = firstLine.strip();
        if (text.startsWith("{")) {
            return Optional.of(JSONL);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains(",") && lower.contains("comment_id") && lower.contains("post_id")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** Whether the text starts (after whitespace or a few stray characters) like XML. */
    static boolean looksLikeXml(String start) {
        int lt = start.indexOf('<');
        return lt >= 0 && lt <= 64 && !start.strip().startsWith("{");
    }

    /** The XML format whose documents have this root element, if any. */
    static Optional<ImportFormat> fromRoot(XmlDocument doc) {
        return switch (doc.root()) {
            case "rss" -> doc.mentions("wordpress.org/export") ? Optional.of(WXR) : Optional.empty();
            case "disqus" -> Optional.of(DISQUS);
            case "feed" -> Optional.of(BLOGGER);
            default -> Optional.empty();
        };
    }

    /** What the start of an unrecognised text looks like, for the error message. */
    static String describe(String start) {
        String text = start.strip();
        if (text.isEmpty()) {
            return "it is empty";
        }
        String first = text.lines().findFirst().orElse("");
        first = first.substring(0, Math.min(30, first.length())).replaceAll("\\p{Cntrl}", "?");
        return "it starts with \"" + first + "\"";
    }
}
