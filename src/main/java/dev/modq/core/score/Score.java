package dev.modq.core.score;

import java.util.List;

/**
 * A spam score with its explanation. {@code prior + sum(contributions) == logOdds} exactly (up to floating
 * point), and the score is the logistic of the log-odds: the explanation adds up to the number shown.
 * {@code contributions} holds every feature that counted, largest effect first.
 */
public record Score(double prior, List<Contribution> contributions, double logOdds) {

    public Score {
        contributions = List.copyOf(contributions);
    }

    public double probability() {
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }

    /** 0..100, as stored and filtered on ({@code score:>90}). */
    public int value() {
        return (int) Math.round(100 * probability());
    }

    /** The {@code n} features that pushed hardest, either way. */
    public List<Contribution> top(int n) {
        return contributions.subList(0, Math.min(n, contributions.size()));
    }
}
