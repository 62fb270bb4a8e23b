package dev.modq.store;

import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.score.CountTable;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.ScoreInput;
import dev.modq.core.score.Thresholds;
import dev.modq.core.score.TokenCounts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Where the spam model and the stored scores live. Reads never load the whole queue. */
public interface ScoreStore {

    /** The model's totals, generation and thresholds; refuses a model written by a newer modq. */
    ModelState model();

    /** Counts of just these buckets (one query), for scoring a comment or a page. */
    TokenCounts counts(Collection<Integer> buckets);

    /** The whole model in memory, for scoring or evaluating many comments. */
    CountTable loadCounts();

    /** What the scorer sees of a comment now: its author's other comments, other comments with the same text. */
    ScoreInput input(Comment comment);

    /** The same as it stood when the comment arrived: only comments that arrived before it (lower ids) count (backtests). */
    ScoreInput inputAsOf(Comment comment);

    void setThresholds(Thresholds thresholds);

    /**
     * Up to {@code limit} comments in these statuses whose stored score is due (unscored, or computed under a
     * generation before {@code generation}). Once their scores are saved they are no longer due, so calling
     * again gives the next ones.
     */
    List<Comment> due(Set<Status> statuses, long generation, int limit);

    /** How many are due, counting at most {@code cap + 1}. */
    long countDue(Set<Status> statuses, long generation, long cap);

    /** Stores scores in one short write transaction. */
    void saveScores(Collection<StoredScore> scores);

    /**
     * Starts a new generation of stored scores (the model changed enough): every stored score becomes due.
     * Returns the new generation.
     */
    long nextGeneration();

    /** Stores the fingerprint of every comment that has none yet, in short transactions; returns how many. */
    long fillFingerprints();

    /** Every comment in created order (oldest first), one at a time; with {@code decidedOnly} only labelled ones. */
    void forEachByAge(boolean decidedOnly, Consumer<Comment> each);

    /**
     * Replaces the whole model in one transaction: the counts, the learned totals, and each comment's learned
     * label as its state teaches it now. Starts a new generation of stored scores.
     */
    void replaceModel(CountTable counts);
}
