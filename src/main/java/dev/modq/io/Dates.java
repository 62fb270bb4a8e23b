package dev.modq.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as exports write them; times without an offset are taken as UTC. */
final class Dates {

    private static final DateTimeFormatter WORDPRESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dates() {
    }

    /** WordPress: the GMT date, or (when it is missing or zero, as in drafts) the site-local date taken as UTC. */
    static Instant wordpress(String gmt, String local, String what) {
        String chosen = usable(gmt) ? gmt : local;
        if (!usable(chosen)) {
            throw new BadRecordException(what + " has no comment_date_gmt or comment_date");
        }
        try {
            return LocalDateTime.parse(chosen.strip(), WORDPRESS).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return iso(chosen, what);
        }
    }

    /** A post's date: drafts have none (all zeros), which is fine for a post. */
    static Instant wordpressOrNull(String gmt, String local, String what) {
        return usable(gmt) || usable(local) ? wordpress(gmt, local, what) : null;
    }

    private static boolean usable(String date) {
        return date != null && !date.isBlank() && !date.startsWith("0000-00-00");
    }

    /** ISO-8601: 2024-05-01T10:00:00Z, with an offset, without one (UTC), with a space, or a bare date. */
    static Instant iso(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new BadRecordException(what + " has no date: expected an ISO-8601 time like 2024-05-01T10:00:00Z");
        }
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new BadRecordException(what + " has date '" + text.strip()
                            + "': expected an ISO-8601 time like 2024-05-01T10:00:00Z");
                }
            }
        }
    }

    static Instant isoOrNull(String text, String what) {
        return text == null || text.isBlank() ? null : iso(text, what);
    }
}
