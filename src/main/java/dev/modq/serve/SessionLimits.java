package dev.modq.serve;

import java.util.HashMap;
import java.util.Map;

/** Sessions open at once: in all, and per moderator. */
final class SessionLimits {

    private final int total;
    private final int perModerator;
    private final Map<String, Integer> open = new HashMap<>();
    private int openTotal;

    SessionLimits(int total, int perModerator) {
        this.total = total;
        this.perModerator = perModerator;
    }

    /** Takes a place for {@code moderator}; null if taken, else the one line saying why not. */
    synchronized String enter(String moderator) {
        if (openTotal >= total) {
            return "modq: the server has " + total + " sessions open, its limit: try again in a while";
        }
        int mine = open.getOrDefault(moderator, 0);
        if (mine >= perModerator) {
            return "modq: " + moderator + " has " + mine + " sessions open, the limit per moderator: close one first";
        }
        open.put(moderator, mine + 1);
        openTotal++;
        return null;
    }

    synchronized void leave(String moderator) {
        open.computeIfPresent(moderator, (k, n) -> n <= 1 ? null : n - 1);
        openTotal--;
    }

    synchronized int open() {
        return openTotal;
    }
}
