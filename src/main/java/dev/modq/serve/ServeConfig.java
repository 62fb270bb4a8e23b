package dev.modq.serve;

import java.time.Duration;

/**
 * How {@code modq serve} runs. Every limit has a default that suits a newsroom's handful of moderators and is
 * checked here, so a bad value is one line at start, not a surprise later.
 *
 * @param host             address to listen on (loopback unless another is asked for)
 * @param port             TCP port (0: any free one, for tests)
 * @param maxSessions      sessions (queue or command) open at once, in all
 * @param maxPerModerator  sessions open at once for one moderator
 * @param maxAuthFailures  refused keys from one address within {@code failureWindow} before it must wait
 * @param failureWindow    how long refused attempts are remembered, and how long an address then waits
 * @param idleTimeout      a connection with no traffic for this long is closed
 * @param maxLineBytes     the longest line a command may read on stdin
 * @param maxConnections   database connections in the pool (a queue holds two, a command one, while open)
 */
public record ServeConfig(String host, int port, int maxSessions, int maxPerModerator,
                          int maxAuthFailures, Duration failureWindow, Duration idleTimeout, int maxLineBytes,
                          int maxConnections) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 2222;

    public ServeConfig {
        positive("--max-sessions", maxSessions);
        positive("--max-sessions-per-moderator", maxPerModerator);
        positive("--max-auth-failures", maxAuthFailures);
        positive("--max-line", maxLineBytes);
        positive("--max-connections", maxConnections);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: port " + port + " is not between 0 and 65535");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--idle-timeout must be positive, not " + idleTimeout);
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
    }

    /** True unless the listen address is a loopback one. */
    public boolean exposed() {
        return !(host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost") || host.startsWith("127."));
    }
}
