package dev.modq.store;

/**
 * What a purge chose: how many comments it will delete, how many matched but stay because a reply that stays
 * points at them, and whether the newest comment matched but stays (its id would be reused).
 */
public record PurgeSelection(long chosen, long keptForReplies, boolean keptNewest) {
}
