package dev.modq.core;

import java.time.Instant;

/** A public key that speaks for a moderator over SSH ({@code modq moderator key add}). */
public record ModeratorKey(String fingerprint, String moderator, String type, String publicKey, String comment,
                           String addedBy, Instant addedAt) {
}
