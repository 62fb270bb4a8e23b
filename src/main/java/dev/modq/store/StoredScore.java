package dev.modq.store;

/** A score to store on a comment: its 0..100 value (-1: unscored), the model generation, the text fingerprint. */
public record StoredScore(long commentId, int score, long generation, long fingerprint) {
}
