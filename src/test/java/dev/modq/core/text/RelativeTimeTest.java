package dev.modq.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static String ago(Duration d) {
        return RelativeTime.compact(NOW.minus(d), NOW);
    }

    @Test
    void compactAges() {
        assertEquals("now", ago(Duration.ZERO));
        assertEquals("now", ago(Duration.ofMillis(999)));
        assertEquals("now", RelativeTime.compact(NOW.plusSeconds(30), NOW), "future is now");
        assertEquals("45s", ago(Duration.ofSeconds(45)));
        assertEquals("1m", ago(Duration.ofSeconds(60)));
        assertEquals("3m", ago(Duration.ofMinutes(3).plusSeconds(59)));
        assertEquals("5h", ago(Duration.ofHours(5)));
        assertEquals("2d", ago(Duration.ofDays(2)));
        assertEquals("1w", ago(Duration.ofDays(7)));
        assertEquals("3w", ago(Duration.ofDays(27)));
        assertEquals("1mo", ago(Duration.ofDays(30)));
        assertEquals("4mo", ago(Duration.ofDays(125)));
        assertEquals("11mo", ago(Duration.ofDays(364)));
        assertEquals("1y", ago(Duration.ofDays(365)));
        assertEquals("2y", ago(Duration.ofDays(800)));
        assertEquals("", RelativeTime.compact(null, NOW));
    }
}
