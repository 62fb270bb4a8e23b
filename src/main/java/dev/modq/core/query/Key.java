package dev.modq.core.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The keys of {@code key:value} terms, in the order error messages list them. */
enum Key {
    STATUS, POST, AUTHOR, EMAIL, URL, TEXT, IP, LINKS, AGE, AFTER, BEFORE, ID, KIND, REASON, SOURCE, PARENT, SCORE,
    AUTHOR_APPROVED, AUTHOR_REJECTED;

    static final String ALL = Arrays.stream(values()).map(Key::label).collect(Collectors.joining(", "));

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Case-insensitive; null when there is no such key. */
    static Key of(String text) {
        for (Key k : values()) {
            if (k.label().equalsIgnoreCase(text)) {
                return k;
            }
        }
        return null;
    }
}
