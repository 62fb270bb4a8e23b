package dev.modq.tui;

/** Who is looking at which database: fixed for the length of a session, sanitised when built. */
public record Session(String database, String moderator, String role, boolean canDecide) {
}
