package dev.modq.store;

/**
 * The automatic moderator's decisions with one label ({@code rule NAME}, or {@code score} for all score-band ones)
 * and one action, and how many of them people reversed later (decided otherwise; for a hold: approved) or undid.
 */
public record AutoDecisionStats(String label, String action, long decided, long reversed, long undone) {
}
