package dev.modq.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one name of each moderation state, used verbatim in the database, the UI, the CLI and JSON. */
public enum Status {
    PENDING, APPROVED, REJECTED, FLAGGED;

    /** The lower-case name stored in the database and printed everywhere. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String text) {
        for (Status s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "': use one of " + allLabels());
    }

    public static String allLabels() {
        return Arrays.stream(values()).map(Status::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
