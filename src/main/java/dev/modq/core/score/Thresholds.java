package dev.modq.core.score;

/**
 * Where the bands split a 0..100 score: below {@code hamBelow} is likely ham, above {@code spamAbove} likely
 * spam, anything from one to the other (both included) is unsure.
 */
public record Thresholds(int hamBelow, int spamAbove) {

    /** Chosen from `modq learn --evaluate` on the demo data and the SMS collection (see bench/README.md). */
    public static final Thresholds DEFAULT = new Thresholds(15, 85);

    public Thresholds {
        if (hamBelow < 0 || spamAbove > 100 || hamBelow > spamAbove + 1) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= ham-below <= spam-above + 1 <= 101: got"
                    + " ham below " + hamBelow + ", spam above " + spamAbove);
        }
    }

    public Band band(int score) {
        if (score < 0) {
            return Band.NOT_READY;
        }
        if (score < hamBelow) {
            return Band.LIKELY_HAM;
        }
        return score > spamAbove ? Band.LIKELY_SPAM : Band.UNSURE;
    }

    @Override
    public String toString() {
        return "ham below " + hamBelow + ", spam above " + spamAbove;
    }
}
