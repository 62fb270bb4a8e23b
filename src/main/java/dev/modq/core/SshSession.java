package dev.modq.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One SSH connection to {@code modq serve}, as recorded: who (null when the key was unknown), from where, with
 * which key, what it did ({@code queue}, {@code exec} or {@code refused}), and how and when it ended.
 */
public record SshSession(long id, String moderator, String fingerprint, String remote, String kind, String command,
                         Instant startedAt, Instant endedAt, Integer exitStatus, String ending) {

    public static final String QUEUE = "queue";
    public static final String EXEC = "exec";
    public static final String REFUSED = "refused";

    /** How long it lasted; null while it is open (or if the server died before recording its end). */
    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
