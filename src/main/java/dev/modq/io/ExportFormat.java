package dev.modq.io;

/** What {@code modq export} writes. */
public enum ExportFormat {
    JSONL("jsonl"), CSV("csv"), WP_CLI("wp-cli"), DISQUS_IDS("disqus-ids");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The only source system this format can act on, or null when it takes every comment. */
    public String sourceSystem() {
        return switch (this) {
            case WP_CLI -> WxrParser.SYSTEM;
            case DISQUS_IDS -> DisqusParser.SYSTEM;
            default -> null;
        };
    }

    public ExportWriter writer(Appendable out) {
        return writer(out, "modq export --format " + label);
    }

    /** {@code confirm}: the modq command (with the same filters) that confirms the push, for the script's end. */
    public ExportWriter writer(Appendable out, String confirm) {
        return switch (this) {
            case JSONL -> new JsonLinesExport(out);
            case CSV -> new CsvExport(out);
            case WP_CLI -> new WpCliExport(out, confirm);
            case DISQUS_IDS -> new DisqusIdsExport(out, confirm);
        };
    }

    /** Whether this format pushes decisions back to the source (and so remembers what was pushed). */
    public boolean pushes() {
        return this == WP_CLI || this == DISQUS_IDS;
    }

}
