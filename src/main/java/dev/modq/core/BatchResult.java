package dev.modq.core;

import java.util.List;

/**
 * The result of one decision or undo call. {@code batchId} is null when nothing was written
 * (dry run, all unchanged, or an atomic call that was rolled back).
 */
public record BatchResult(String batchId, List<Outcome> outcomes, boolean committed) {

    public long count(Outcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    public long applied() {
        return count(Outcome.Kind.APPLIED);
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(Outcome::isFailure).toList();
    }

    public boolean hasFailures() {
        return outcomes.stream().anyMatch(Outcome::isFailure);
    }
}
