package dev.modq.core.text;

import java.time.Duration;
import java.time.Instant;

/** Compact ages for list rows ("45s", "3m", "5h", "2d", "3w", "4mo", "2y"), always at most 4 columns wide. */
public final class RelativeTime {

    private RelativeTime() {
    }

    /**
     * Age of {@code then} as seen at {@code now}, rounded down. Times in the future (clock skew between
     * writers) and anything under a second read "now"; null arguments give "".
     */
    public static String compact(Instant then, Instant now) {
        if (then == null || now == null) {
            return "";
        }
        long s = Duration.between(then, now).getSeconds();
        if (s < 1) {
            return "now";
        }
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 24) {
            return h + "h";
        }
        long d = h / 24;
        if (d < 7) {
            return d + "d";
        }
        if (d < 30) {
            return d / 7 + "w";
        }
        if (d < 365) {
            return Math.min(11, d / 30) + "mo"; // 360..364 days is still "11mo", not "12mo"
        }
        return d / 365 + "y";
    }
}
