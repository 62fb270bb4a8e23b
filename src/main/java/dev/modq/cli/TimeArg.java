package dev.modq.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A point in time on the command line: 2026-01-31 (UTC midnight), an ISO instant, or a duration ago (2d, 1d12h). */
final class TimeArg {

    private static final Pattern DURATION = Pattern.compile("(?:\\d+[wdhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([wdhms])");

    private TimeArg() {
    }

    static Instant parse(String option, String text, Instant now) {
        String t = text.trim();
        try {
            if (DURATION.matcher(t).matches()) {
                return now.minusSeconds(seconds(t));
            }
            if (t.contains("T") || t.contains("t")) {
                return OffsetDateTime.parse(t.toUpperCase()).toInstant();
            }
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new UsageException(option + ": '" + text + "' is not a time: use a date like 2026-01-31, an instant"
                    + " like 2026-02-01T10:00:00Z, or a duration ago like 2d or 12h");
        }
    }

    private static long seconds(String duration) {
        long total = 0;
        Matcher m = PART.matcher(duration);
        while (m.find()) {
            long unit = switch (m.group(2)) {
                case "w" -> 604_800L;
                case "d" -> 86_400L;
                case "h" -> 3_600L;
                case "m" -> 60L;
                default -> 1L;
            };
            total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        }
        return total;
    }
}
