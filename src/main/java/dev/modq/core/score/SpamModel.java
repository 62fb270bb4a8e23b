package dev.modq.core.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Naive Bayes with Robinson's smoothing (as SpamBayes and Bogofilter use it), summed as log-odds so that the
 * explanation adds up. Per feature, with h and s the times it was seen in learned ham and spam:
 * p = (s/S) / (s/S + h/H); f = (x*a + n*p) / (a + n) with n = h + s pulls rare features toward x = 0.5;
 * its weight is ln(f / (1 - f)). Features with f near 0.5 carry nothing; at most 150 of the strongest count.
 * Naive Bayes over-counts correlated words, so the weights are damped by one factor per comment
 * (min(1, c / sqrt(m)) for m counted features): the sum stays exact and the scores spread over 0..100.
 */
public final class SpamModel {

    static final double STRENGTH = 0.45;
    static final double MIN_STRENGTH = 0.1;
    static final int MAX_DISCRIMINATORS = 150;
    static final double DAMPING = 3.0;
    private static final double F_MIN = 0.01;

    private SpamModel() {
    }

    public static Score score(List<Feature> features, TokenCounts counts, long hamLearned, long spamLearned) {
        double hamTotal = Math.max(1, hamLearned);
        double spamTotal = Math.max(1, spamLearned);
        double prior = Math.log((spamLearned + 1.0) / (hamLearned + 1.0));
        List<Contribution> raw = new ArrayList<>();
        for (Feature feature : features) {
            int b = feature.bucket();
            double w = weight(counts.ham(b), counts.spam(b), hamTotal, spamTotal);
            if (w != 0) {
                raw.add(new Contribution(feature, w));
            }
        }
        raw.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
        List<Contribution> used = raw.subList(0, Math.min(MAX_DISCRIMINATORS, raw.size()));
        double damping = used.isEmpty() ? 1 : Math.min(1, DAMPING / Math.sqrt(used.size()));
        List<Contribution> contributions = new ArrayList<>(used.size());
        double logOdds = prior;
        for (Contribution c : used) {
            Contribution damped = new Contribution(c.feature(), c.weight() * damping);
            contributions.add(damped);
            logOdds += damped.weight();
        }
        return new Score(prior, contributions, logOdds);
    }

    /** The undamped log-odds weight of one feature; 0 when it says nothing. */
    static double weight(int ham, int spam, double hamTotal, double spamTotal) {
        int n = ham + spam;
        if (n == 0) {
            return 0;
        }
        double ps = Math.min(1, spam / spamTotal);
        double ph = Math.min(1, ham / hamTotal);
        double p = ps / (ps + ph);
        double f = (STRENGTH * 0.5 + n * p) / (STRENGTH + n);
        f = Math.max(F_MIN, Math.min(1 - F_MIN, f));
        if (Math.abs(f - 0.5) < MIN_STRENGTH) {
            return 0;
        }
        return Math.log(f / (1 - f));
    }
}
