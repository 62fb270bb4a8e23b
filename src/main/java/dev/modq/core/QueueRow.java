package dev.modq.core;

import java.time.Instant;

/**
 * One line of the queue: just what a list row shows, with the body cut to an excerpt in the store
 * so a page of rows never drags whole comments along. {@code score} is the stored spam score (0..100, -1 unscored).
 */
public record QueueRow(long id, Status status, Instant createdAt, long version,
                       long postId, String postTitle, String authorName, String excerpt, int score) {

    /** A row without a stored spam score (-1: unscored). */
    public QueueRow(long id, Status status, Instant createdAt, long version,
                    long postId, String postTitle, String authorName, String excerpt) {
        this(id, status, createdAt, version, postId, postTitle, authorName, excerpt, -1);
    }
}
