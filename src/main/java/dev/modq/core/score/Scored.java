package dev.modq.core.score;

import java.util.List;

/**
 * A comment's score as the scorer answers it: the 0..100 value (-1 when the model is not ready), its band, and
 * the explanation ({@code null} when not ready: there is nothing to explain yet).
 */
public record Scored(int value, Band band, Score score) {

    public static Scored notReady() {
        return new Scored(-1, Band.NOT_READY, null);
    }

    public static Scored of(Score score, Thresholds thresholds) {
        return new Scored(score.value(), thresholds.band(score.value()), score);
    }

    /** The {@code n} why-lines ("+2.3 link to seo-links.invalid"), largest effect first; none when not ready. */
    public List<String> why(int n) {
        return score == null ? List.of() : score.top(n).stream().map(Contribution::line).toList();
    }
}
