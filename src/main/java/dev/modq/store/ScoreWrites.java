package dev.modq.store;

import dev.modq.core.score.ModelState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The spam model's side of a write transaction: decisions and undos relearn in the same commit. */
public interface ScoreWrites {

    ModelState model();

    /**
     * Of these comments, those whose counts must move: the label each is counted under, the label {@code target}
     * gives it (from the comment as it is now; null: not counted), and its features' input (author history and
     * repeated text read in this transaction). Comments already counted under that label are left out unread:
     * a rejection for a reason that teaches nothing must not cost five queries per comment.
     */
    List<Relearn> relearnable(Collection<Long> commentIds,
                              java.util.function.Function<dev.modq.core.Comment, dev.modq.core.score.Label> target);

    /**
     * Adds {@code delta[0]} ham and {@code delta[1]} spam to each bucket (never below zero), the totals to the
     * model's learned counts, and {@code changes} to its changes since the stored scores' generation.
     */
    void addCounts(Map<Integer, int[]> deltas, long hamDelta, long spamDelta, long changes);

    /** Records the label each comment's features now count under. */
    void setLearned(Map<Long, dev.modq.core.score.Label> labels);
}
