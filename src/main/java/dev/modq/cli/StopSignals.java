package dev.modq.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, for the long-running commands ({@code serve}, {@code auto --follow}):
 * they finish what they are doing and return, so the process exits 0, which is what systemd and a supervisor
 * read as a clean stop. The JVM's default would run shutdown hooks and exit 143 or 130, a failure to them.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Runs {@code stop} on the first SIGTERM or SIGINT, and {@code again} on every later one. */
    static void onStop(Runnable stop, Runnable again) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable action = () -> {
            if (first.getAndSet(false)) {
                stop.run();
            } else {
                again.run();
            }
        };
        handle("TERM", action);
        handle("INT", action);
    }

    private static void handle(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), sig -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // not on this platform: the JVM's default (exit) applies
        }
    }
}
