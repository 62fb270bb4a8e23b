package dev.modq.core.score;

import dev.modq.core.Status;

import java.util.Locale;

/**
 * What a decision teaches the model: approved is ham, rejected with reason spam is spam; anything else (pending,
 * flagged, rejected as abuse or off-topic) is no evidence either way. Stored in {@code comments.learned}.
 */
public enum Label {
    HAM, SPAM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label a comment in this state teaches, or null when it teaches nothing. */
    public static Label of(Status status, String reason) {
        if (status == Status.APPROVED) {
            return HAM;
        }
        if (status == Status.REJECTED && reason != null && reason.trim().equalsIgnoreCase("spam")) {
            return SPAM;
        }
        return null;
    }

    /** From the stored key; null for null. */
    public static Label parse(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "ham" -> HAM;
            case "spam" -> SPAM;
            default -> throw new IllegalArgumentException("unknown label '" + key + "': expected ham or spam");
        };
    }
}
