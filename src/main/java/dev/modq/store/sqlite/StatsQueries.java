package dev.modq.store.sqlite;

import dev.modq.core.Stats;
import dev.modq.core.Stats.DayCount;
import dev.modq.core.Stats.ModeratorCount;
import dev.modq.core.Stats.PostCount;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The aggregate queries behind `modq stats`. */
public final class StatsQueries {

    private StatsQueries() {
    }

    /** {@code topPosts} posts by comment count; decisions per day over the {@code days} UTC days up to now. */
    public static Stats stats(SqliteStore store, int topPosts, int days) {
        return new Stats(store.countsByStatus(), topPosts(store, topPosts), byModerator(store), perDay(store, days));
    }

    private static List<PostCount> topPosts(SqliteStore store, int limit) {
        String sql = "SELECT c.post_id, coalesce(p.title, ''), count(*), sum(c.status = 'pending')"
                + " FROM comments c LEFT JOIN posts p ON p.id = c.post_id"
                + " GROUP BY c.post_id ORDER BY count(*) DESC, c.post_id LIMIT ?";
        return list(store, sql, rs -> new PostCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), limit);
    }

    /** Decisions and their undos: roster changes and purges are not moderation work per day or per person. */
    private static final String DECISIONS = "('approve', 'reject', 'flag', 'pending', 'undo')";

    private static List<ModeratorCount> byModerator(SqliteStore store) {
        String sql = "SELECT moderator, sum(action = 'approve'), sum(action = 'reject'), sum(action = 'flag'),"
                + " sum(action = 'pending'), sum(action = 'undo') FROM audit_log WHERE action IN " + DECISIONS
                + " GROUP BY moderator ORDER BY count(*) DESC, moderator";
        return list(store, sql, rs -> new ModeratorCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)));
    }

    private static List<DayCount> perDay(SqliteStore store, int days) {
        LocalDate today = LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(Math.max(0, days - 1L));
        long fromMillis = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        String sql = "SELECT at / 86400000, count(*) FROM audit_log WHERE at >= ? AND action IN " + DECISIONS
                + " GROUP BY at / 86400000 ORDER BY 1";
        return list(store, sql, rs -> new DayCount(
                LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1) * 86_400_000L), ZoneOffset.UTC), rs.getLong(2)),
                fromMillis);
    }

    private static <T> List<T> list(SqliteStore store, String sql, SqliteStore.RowMapper<T> mapper, Object... params) {
        return store.sql("computing statistics", () -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                SqliteStore.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
            }
            return rows;
        });
    }
}
