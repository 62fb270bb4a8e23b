package dev.modq.core;

import java.time.Instant;

/** One batch of decisions as the batches table records it: who, what, how many comments, when. */
public record BatchSummary(String id, String moderator, String action, int size, Instant at) {
}
