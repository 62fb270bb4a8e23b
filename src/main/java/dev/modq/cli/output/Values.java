package dev.modq.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How field values become text. */
final class Values {

    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** Machine formats: ISO-8601 UTC instants, plain numbers, "" for null. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Instant i ? i.toString() : value.toString();
    }

    /** Tables: minutes are enough for people. */
    static String tableText(Object value) {
        return value instanceof Instant i ? TABLE_TIME.format(i) : text(value);
    }
}
