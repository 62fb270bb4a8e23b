package dev.modq.core.score;

import java.util.Iterator;
import java.util.List;

/**
 * The time-ordered backtest behind {@code modq learn --evaluate}: decided comments are added oldest first; the
 * first {@code trainOnly} are only learned; every later one is first scored by the model trained on everything
 * older (as in real use, where a comment is scored before anyone decides it), then learned. Items scored while the
 * model had fewer than {@link ModelState#READY_AT} decisions count as not ready. Scores are kept as one histogram
 * per class, so the figures can be read at any thresholds.
 */
public final class Backtest {

    /** One decided comment: what the scorer sees, and what the moderators decided. */
    public record Item(ScoreInput input, Label label) {
    }

    private final long trainOnly;
    private final CountTable model = new CountTable();
    private final long[] ham = new long[101];
    private final long[] spam = new long[101];
    private long seen;
    private long notReady;

    public Backtest(long trainOnly) {
        this.trainOnly = trainOnly;
    }

    public static BacktestResult run(Iterator<Item> items, long trainOnly) {
        Backtest b = new Backtest(trainOnly);
        items.forEachRemaining(b::add);
        return b.result();
    }

    public void add(Item item) {
        List<Feature> features = Features.of(item.input());
        if (seen >= trainOnly) {
            if (model.hamLearned() + model.spamLearned() < ModelState.READY_AT) {
                notReady++;
            } else {
                int v = SpamModel.score(features, model, model.hamLearned(), model.spamLearned()).value();
                (item.label() == Label.SPAM ? spam : ham)[v]++;
            }
        }
        model.learn(features, item.label() == Label.SPAM, 1);
        seen++;
    }

    public BacktestResult result() {
        return new BacktestResult(Math.min(seen, trainOnly), notReady, ham.clone(), spam.clone());
    }
}
