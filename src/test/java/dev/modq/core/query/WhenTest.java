package dev.modq.core.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WhenTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void readsDatesInstantsAndDurationsAgo() {
        assertEquals(Instant.parse("2026-01-31T00:00:00Z"), When.parse("2026-01-31").resolve(NOW));
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), When.parse("2026-02-01T10:00:00Z").resolve(NOW));
        assertEquals(Instant.parse("2026-02-01T08:00:00Z"), When.parse("2026-02-01t10:00:00+02:00").resolve(NOW));
        assertEquals(NOW.minusSeconds(7 * 86_400), When.parse("1w").resolve(NOW));
        assertEquals(NOW.minusSeconds(36 * 3_600), When.parse(" 1d12h ").resolve(NOW));
        assertEquals(NOW.minusSeconds(90 * 60), When.parse("90m").resolve(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1y", "yesterday", "2026-13-01", "2", "", "1d-2h", "-2d", "99999999999999999999d"})
    void refusesAnythingElseWithOneLineThatSaysWhatToWrite(String text) {
        QueryException e = assertThrows(QueryException.class, () -> When.parse(text));
        assertEquals("'" + text + "' is not a time: " + When.HINT, e.getMessage());
    }

    @Test
    void theQueryLanguageReadsTheSameGrammar() {
        assertEquals(Query.parse("age:<=1w"), Query.parse("after:1w"));
        assertEquals(Query.parse("age:>2d"), Query.parse("before:2d"));
        assertEquals(Query.of(When.parse("1w").since(), When.parse("2026-01-31").until()),
                Query.parse("after:1w before:2026-01-31"));
        assertEquals("age:<=1d12h", Query.parse("after:36h").print());
    }

    @Test
    void aBadDurationInAQueryKeepsItsColumn() {
        QueryException e = assertThrows(QueryException.class, () -> Query.parse("status:all after:2y"));
        assertEquals(18, e.position());
    }
}
