package dev.modq.store;

import dev.modq.core.score.Label;
import dev.modq.core.score.ScoreInput;

/**
 * A comment whose features are counted under {@code learned} but whose state now teaches {@code target}
 * (either may be null): its counts move from one to the other.
 */
public record Relearn(long commentId, Label learned, Label target, ScoreInput input) {
}
