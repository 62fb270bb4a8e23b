package dev.modq.core.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** The dates of {@code after:} and {@code before:}: a UTC date or an ISO instant, years 0001 to 9999. */
final class Instants {

    // Four-digit years only, so the printed form is always plain ISO and parses back.
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final String HINT = "expected a date like 2026-01-31, an instant like 2026-02-01T10:00:00Z (UTC)"
            + " or a duration ago like 2d";

    private Instants() {
    }

    static void requireInRange(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("instant out of range (years 0001 to 9999): " + instant);
        }
    }

    static Instant parse(Value value, String key) {
        String text = value.text();
        Instant instant;
        try {
            instant = text.indexOf('T') >= 0 || text.indexOf('t') >= 0
                    ? parseInstant(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException bad) {
            throw QueryException.at(value.start(), "bad date '" + Values.show(text) + "' after '" + key + ":'", HINT);
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw QueryException.at(value.start(), "date '" + Values.show(text) + "' out of range", "use years 0001 to 9999");
        }
        return instant;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notZ) {
            return OffsetDateTime.parse(text).toInstant();  // 2026-02-01T10:00:00+02:00
        }
    }

    /** Midnight UTC prints as a date, anything else as an ISO instant. */
    static String print(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        if (date.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant)) {
            return date.toString();
        }
        return instant.toString();
    }
}
