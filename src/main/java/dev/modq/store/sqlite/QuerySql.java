package dev.modq.store.sqlite;

import dev.modq.core.query.Query;
import java.time.Instant;
import java.util.List;

/** TEMPORARY STUB until the query branch lands. */
public final class QuerySql {
    public static SqlFragment where(Query q, Instant now) {
        return q.statuses().map(s -> new SqlFragment("c.status IN (?)", List.<Object>of(s.iterator().next().label())))
                .orElse(new SqlFragment("1", List.of()));
    }
}
