package dev.modq.service;

import dev.modq.core.score.Band;
import dev.modq.core.score.Thresholds;

/**
 * What {@code modq auto} needs from the spam score: whether the model is ready, and the band a (rule-adjusted) stored
 * score falls in. Only the outer bands are acted on; NOT_READY and UNSURE stay with people.
 */
public interface SpamScores {

    /** False until the model has learnt enough: then no score is acted on. */
    boolean ready();

    /** The band of a score 0..100 under the thresholds read when the run started. */
    Band band(int score);

    /** Brings the stored scores of pending comments up to date before a run reads them. */
    default long refresh() {
        return 0;
    }

    /** No score at all: auto applies the rules only. */
    SpamScores NONE = new SpamScores() {
        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public Band band(int score) {
            return Band.NOT_READY;
        }
    };

    /** The spam model of this database, its thresholds read once. */
    static SpamScores of(SpamScorer scorer) {
        if (!scorer.isReady()) {
            return NONE;
        }
        Thresholds thresholds = scorer.thresholds();
        return new SpamScores() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public Band band(int score) {
                return thresholds.band(score);
            }

            @Override
            public long refresh() {
                return scorer.scoreDue(Long.MAX_VALUE, () -> true);
            }
        };
    }
}
