package dev.modq.store;

import dev.modq.core.Stats;

/** The figures of {@code modq stats}. */
public interface StatsSource {

    /** Counts per status, the {@code topPosts} busiest posts, decisions per moderator and per day for {@code days}. */
    Stats stats(int topPosts, int days);
}
