package dev.modq.store;

/** A pending comment as an auto run reads it: enough to page on (created, id) and to decide with a version check; {@code score} is the stored spam score (-1: none). */
public record PendingRow(long id, long createdAt, long version, String reason, int score) {
}
