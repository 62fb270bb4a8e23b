package dev.modq.service;

import dev.modq.core.Status;
import dev.modq.core.score.Feature;
import dev.modq.core.score.Features;
import dev.modq.core.score.Label;
import dev.modq.store.Relearn;
import dev.modq.store.ScoreWrites;
import dev.modq.store.WriteTransaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teaches the spam model what a decision (or an undo) says, inside the decision's own transaction: each changed
 * comment's features move from the label they were counted under to the label its new state teaches.
 * An undo puts the old state back, so the counts go back too.
 */
final class Learning {

    private Learning() {
    }

    /**
     * Relearns comments a decision just changed in {@code tx}, read after the change. An undo reads the same
     * comments before it restores them ({@link #beforeUndo}), so both see the world as the decision left it
     * (the author's other comments in the same batch included) and the undo takes back exactly what was added.
     */
    static int relearn(WriteTransaction tx, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return 0;
        }
        return tx.scores().map(scores -> apply(scores, scores.relearnable(commentIds, c -> Label.of(c.status(), c.reason())))).orElse(0);
    }

    /** Before an undo restores {@code commentIds} to {@code status}/{@code reason}: read them as they are now. */
    static Runnable beforeUndo(WriteTransaction tx, Collection<Long> commentIds, Status status, String reason) {
        if (commentIds.isEmpty()) {
            return () -> { };
        }
        return tx.scores().<Runnable>map(scores -> {
            Label target = Label.of(status, reason);
            List<Relearn> items = scores.relearnable(commentIds, c -> target);
            return () -> apply(scores, items);
        }).orElse(() -> { });
    }

    private static int apply(ScoreWrites scores, List<Relearn> all) {
        List<Relearn> items = all.stream().filter(r -> r.learned() != r.target()).toList();
        if (items.isEmpty()) {
            return 0;
        }
        Map<Integer, int[]> deltas = new HashMap<>();
        long[] totals = new long[2];
        Map<Long, Label> labels = new LinkedHashMap<>();
        for (Relearn item : items) {
            List<Feature> features = Features.of(item.input());
            count(deltas, totals, features, item.learned(), -1);
            count(deltas, totals, features, item.target(), +1);
            labels.put(item.commentId(), item.target());
        }
        scores.addCounts(deltas, totals[0], totals[1], items.size());
        scores.setLearned(labels);
        return items.size();
    }

    private static void count(Map<Integer, int[]> deltas, long[] totals, List<Feature> features, Label label, int d) {
        if (label == null) {
            return;
        }
        int side = label == Label.SPAM ? 1 : 0;
        totals[side] += d;
        for (Feature f : features) {
            deltas.computeIfAbsent(f.bucket(), b -> new int[2])[side] += d;
        }
    }
}
