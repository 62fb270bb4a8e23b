package dev.modq.core;

import java.time.Instant;

/** A person on the roster; {@code name} is their operating-system user name. */
public record Moderator(String name, Role role, Instant createdAt, boolean disabled) {
}
