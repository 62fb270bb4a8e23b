package dev.modq.service;

import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.score.Backtest;
import dev.modq.core.score.BacktestResult;
import dev.modq.core.score.Band;
import dev.modq.core.score.Label;
import dev.modq.core.score.CountTable;
import dev.modq.core.score.Feature;
import dev.modq.core.score.Features;
import dev.modq.core.score.Fingerprint;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.Score;
import dev.modq.core.score.ScoreInput;
import dev.modq.core.score.Scored;
import dev.modq.core.score.SpamModel;
import dev.modq.core.score.Thresholds;
import dev.modq.core.score.TokenCounts;
import dev.modq.store.ScoreStore;
import dev.modq.store.Store;
import dev.modq.store.StoredScore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The spam score, for the CLI, the text UI and {@code modq auto}: scores and explains one comment, answers its
 * band (likely ham, unsure, likely spam, or not ready under 200 learned decisions), keeps the stored scores of
 * pending and flagged comments up to date in short batches, and rebuilds the model from every decision.
 * Learning from single decisions happens inside {@link ModerationService}'s transactions.
 */
public final class SpamScorer {

    /** The statuses whose stored scores are kept up to date (decided comments keep the score they had). */
    public static final Set<Status> KEPT_FRESH = Collections.unmodifiableSet(EnumSet.of(Status.PENDING, Status.FLAGGED));

    /** How many comments one scoring transaction stores: short, so moderators' writes never wait long. */
    public static final int BATCH = 500;

    /** Above this many due comments the whole model is loaded once instead of looked up per batch. */
    private static final int LOAD_ALL_ABOVE = 20_000;

    private final Store store;

    public SpamScorer(Store store) {
        this.store = store;
    }

    private ScoreStore scores() {
        return store.scores();
    }

    /** The model's totals, generation and thresholds (one small read). */
    public ModelState state() {
        return scores().model();
    }

    /** Whether the model has learned enough decisions ({@link ModelState#READY_AT}) to score. */
    public boolean isReady() {
        return state().isReady();
    }

    public Thresholds thresholds() {
        return state().thresholds();
    }

    public void setThresholds(Thresholds thresholds) {
        scores().setThresholds(thresholds);
    }

    /** The band of a stored score under the current thresholds; NOT_READY for an unscored comment or model. */
    public Band band(int storedScore) {
        ModelState state = state();
        return state.isReady() ? state.thresholds().band(storedScore) : Band.NOT_READY;
    }

    /** The band of a comment as scored now. */
    public Band band(Comment comment) {
        return score(comment).band();
    }

    /** Scores one comment now, with its explanation (every contribution; {@code why(n)} shows the top n). */
    public Scored score(Comment comment) {
        ModelState state = state();
        if (!state.isReady()) {
            return Scored.notReady();
        }
        List<Feature> features = Features.of(scores().input(comment));
        TokenCounts counts = scores().counts(features.stream().map(Feature::bucket).toList());
        return Scored.of(SpamModel.score(features, counts, state.hamLearned(), state.spamLearned()), state.thresholds());
    }

    /** Scores a comment against counts already in memory (bulk scoring, backtests). */
    public static Score score(ScoreInput input, CountTable counts) {
        return SpamModel.score(Features.of(input), counts, counts.hamLearned(), counts.spamLearned());
    }

    /**
     * {@code modq learn}: rebuilds the model from scratch out of every decided comment (approved = ham, rejected
     * as spam = spam), each seen as it is now, then marks every stored score due. Returns the new state.
     */
    public ModelState rebuild() {
        scores().model();  // refuses a newer model format before any work
        scores().fillFingerprints();
        CountTable table = new CountTable();
        scores().forEachByAge(true, c -> {
            Label label = Label.of(c.status(), c.reason());
            if (label != null) {
                table.learn(Features.of(scores().input(c)), label == Label.SPAM, 1);
            }
        });
        scores().replaceModel(table);
        return state();
    }

    /**
     * {@code modq learn --evaluate}: the time-ordered backtest over this database's decided comments, each seen as
     * it was when it arrived (only older comments count for its author history and repeated text). The oldest
     * {@code trainShare} of them only train.
     */
    public BacktestResult evaluate(double trainShare) {
        scores().model();
        scores().fillFingerprints();
        long labelled = store.count(Query.parse("status:approved")) + store.count(Query.parse("status:rejected reason:spam"));
        Backtest backtest = new Backtest((long) Math.floor(labelled * trainShare));
        scores().forEachByAge(true, c -> {
            Label label = Label.of(c.status(), c.reason());
            if (label != null) {
                backtest.add(new Backtest.Item(scores().inputAsOf(c), label));
            }
        });
        return backtest.result();
    }

    /** How many pending and flagged comments are waiting for a (new) score, counting at most {@code cap + 1}. */
    public long due(long cap) {
        ModelState state = state();
        return scores().countDue(KEPT_FRESH, currentGeneration(state), cap);
    }

    /**
     * Brings stored scores of pending and flagged comments up to date: first starts a new generation if the model
     * changed enough since the last, then scores due comments {@link #BATCH} per short transaction, at most
     * {@code max} of them, while {@code keepGoing} says so (the UI stops when a key arrives). Returns how many.
     */
    public long scoreDue(long max, BooleanSupplier keepGoing) {
        ModelState state = state();
        long generation = currentGeneration(state);
        long dueNow = scores().countDue(KEPT_FRESH, generation, LOAD_ALL_ABOVE);
        if (dueNow == 0) {
            return 0;
        }
        CountTable all = dueNow > LOAD_ALL_ABOVE && state.isReady() ? scores().loadCounts() : null;
        long done = 0;
        while (done < max && keepGoing.getAsBoolean()) {
            List<Comment> batch = scores().due(KEPT_FRESH, generation, (int) Math.min(BATCH, max - done));
            if (batch.isEmpty()) {
                break;
            }
            scores().saveScores(scoreBatch(batch, state, generation, all));
            done += batch.size();
        }
        return done;
    }

    /** The generation stored scores should have; starts a new one when the model changed enough since. */
    private long currentGeneration(ModelState state) {
        return state.staleScores() ? scores().nextGeneration() : state.generation();
    }

    private List<StoredScore> scoreBatch(List<Comment> batch, ModelState state, long generation, CountTable all) {
        List<StoredScore> out = new ArrayList<>(batch.size());
        if (!state.isReady()) {
            for (Comment c : batch) {
                out.add(new StoredScore(c.id(), -1, generation, Fingerprint.of(c.body())));
            }
            return out;
        }
        List<List<Feature>> features = new ArrayList<>(batch.size());
        List<Integer> buckets = new ArrayList<>();
        for (Comment c : batch) {
            List<Feature> f = Features.of(scores().input(c));
            features.add(f);
            if (all == null) {
                f.forEach(x -> buckets.add(x.bucket()));
            }
        }
        TokenCounts counts = all != null ? all : scores().counts(buckets);
        for (int i = 0; i < batch.size(); i++) {
            Comment c = batch.get(i);
            Score s = SpamModel.score(features.get(i), counts, state.hamLearned(), state.spamLearned());
            out.add(new StoredScore(c.id(), s.value(), generation, Fingerprint.of(c.body())));
        }
        return out;
    }
}
