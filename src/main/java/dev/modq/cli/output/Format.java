package dev.modq.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Output formats. Everything but {@code table} is machine-readable, and its field names are a contract. */
public enum Format {
    TABLE, CSV, JSON, JSONL, IDS, COUNT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Throws IllegalArgumentException (a usage error) naming the formats this command has. */
    public void requireOneOf(String command, Set<Format> allowed) {
        if (!allowed.contains(this)) {
            throw new IllegalArgumentException("--format " + label() + " is not available for " + command + ": use "
                    + Arrays.stream(values()).filter(allowed::contains).map(Format::label).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
