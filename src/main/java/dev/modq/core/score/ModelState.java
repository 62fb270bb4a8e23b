package dev.modq.core.score;

/**
 * The model's totals and settings: decisions learned per class, the generation stored scores were computed
 * under (bumped when enough was learned since that stored scores are stale), and the band thresholds.
 */
public record ModelState(int format, long hamLearned, long spamLearned, long generation, long changesSinceGeneration,
                         Thresholds thresholds) {

    /** The feature and hashing scheme this code reads and writes; a database with a newer one is refused. */
    public static final int FORMAT = 1;

    /** Under this many learned decisions the scorer says "not ready" instead of guessing. */
    public static final long READY_AT = 200;

    public static ModelState empty() {
        return new ModelState(FORMAT, 0, 0, 1, 0, Thresholds.DEFAULT);
    }

    public long learned() {
        return hamLearned + spamLearned;
    }

    public boolean isReady() {
        return learned() >= READY_AT;
    }

    /**
     * Stored scores are redone once what was learned since they were computed reaches 2% of the model (at
     * least 20 decisions): one decision barely moves a score, and rescoring a million rows per keypress would not do.
     */
    public boolean staleScores() {
        return changesSinceGeneration >= Math.max(20, learned() / 50);
    }

    public ModelState withCounts(long ham, long spam) {
        return new ModelState(format, ham, spam, generation, changesSinceGeneration, thresholds);
    }

    public ModelState withThresholds(Thresholds t) {
        return new ModelState(format, hamLearned, spamLearned, generation, changesSinceGeneration, t);
    }
}
