package dev.modq.core.query;

import java.time.Instant;
import java.util.Objects;

/**
 * A point in time as people write it: a UTC date ({@code 2026-01-31}), an ISO instant
 * ({@code 2026-02-01T10:00:00Z}, offsets allowed) or a duration ago ({@code 2d}, {@code 1w}, {@code 1d12h}).
 * The one time grammar: the query language's {@code after:}/{@code before:}, the CLI's {@code --since} and
 * {@code --until} and {@code export --since} all read it, so a time that works in one place works in all.
 */
public sealed interface When {

    /** What to write instead, for error messages. */
    String HINT = "use a date like 2026-01-31, an instant like 2026-02-01T10:00:00Z (UTC), or a duration ago"
            + " like 2d, 12h, 1w or 1d12h";

    /** A moment relative to when it is used: {@code seconds} before now. */
    record Ago(long seconds) implements When {
        public Ago {
            if (seconds < 0) {
                throw new IllegalArgumentException("a duration ago cannot be negative: " + seconds);
            }
        }

        @Override
        public Instant resolve(Instant now) {
            return now.minusSeconds(seconds);
        }

        @Override
        public Term since() {
            return new Term.Age(Comparison.LE, seconds);  // inclusive, as after: is
        }

        @Override
        public Term until() {
            return new Term.Age(Comparison.GT, seconds);  // strict, as before: is
        }
    }

    /** A fixed moment. */
    record At(Instant instant) implements When {
        public At {
            Instants.requireInRange(instant);
        }

        @Override
        public Instant resolve(Instant now) {
            return instant;
        }

        @Override
        public Term since() {
            return new Term.After(instant);
        }

        @Override
        public Term until() {
            return new Term.Before(instant);
        }
    }

    /**
     * Reads {@code text} (surrounding blanks ignored); a {@link QueryException} (an IllegalArgumentException)
     * whose one-line message quotes the text and says what to write instead.
     */
    static When parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        try {
            return Times.parse(Value.plain(t, 0), "");
        } catch (QueryException e) {
            throw new QueryException(0, "'" + Values.show(text) + "' is not a time: " + HINT);
        }
    }

    /** The instant meant, with a duration counted back from {@code now}. */
    Instant resolve(Instant now);

    /** The query term "created at or after this time". */
    Term since();

    /** The query term "created before this time". */
    Term until();
}
