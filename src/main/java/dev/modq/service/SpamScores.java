package dev.modq.service;

import java.util.Collection;
import java.util.Map;

/**
 * What {@code modq auto} needs from the spam score: whether the model is ready, the stored scores of some comments,
 * and the band a (rule-adjusted) score falls in. Only the outer bands are acted on.
 */
public interface SpamScores {

    enum Band { LIKELY_HAM, UNSURE, LIKELY_SPAM }

    /** False until the model has learnt enough: then no score is acted on. */
    boolean ready();

    /** Stored scores (0..100) of these comments; comments not yet scored are absent. */
    Map<Long, Integer> scores(Collection<Long> commentIds);

    Band band(int score);

    /** No score at all (before the score model exists): auto applies the rules only. */
    SpamScores NONE = new SpamScores() {
        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public Map<Long, Integer> scores(Collection<Long> commentIds) {
            return Map.of();
        }

        @Override
        public Band band(int score) {
            return Band.UNSURE;
        }
    };
}
