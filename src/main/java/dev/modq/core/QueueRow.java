package dev.modq.core;

import java.time.Instant;

/**
 * One line of the queue: just what a list row shows, with the body cut to an excerpt in the store
 * so a page of rows never drags whole comments along. {@code score} is the stored spam score (0..100, -1 unscored).
 * {@code held}: a rule's hold marks it (schema V006), so it waits for a person.
 */
public record QueueRow(long id, Status status, Instant createdAt, long version,
                       long postId, String postTitle, String authorName, String excerpt, int score, boolean held) {

    /** A row without a stored spam score (-1: unscored) that no rule holds. */
    public QueueRow(long id, Status status, Instant createdAt, long version,
                    long postId, String postTitle, String authorName, String excerpt) {
        this(id, status, createdAt, version, postId, postTitle, authorName, excerpt, -1);
    }

    /** A row no rule holds. */
    public QueueRow(long id, Status status, Instant createdAt, long version,
                    long postId, String postTitle, String authorName, String excerpt, int score) {
        this(id, status, createdAt, version, postId, postTitle, authorName, excerpt, score, false);
    }
}
