package dev.modq.store.postgresql;

import dev.modq.core.query.Query;
import dev.modq.store.PageRequest;
import dev.modq.store.sql.QuerySql;
import dev.modq.store.sql.SqlFragment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The query language on PostgreSQL: {@link QuerySql}'s translation in its PostgreSQL spelling, and keyset pages
 * over {@code comments (status, created_at, id)} / {@code (created_at, id)} with a row-value comparison, which
 * PostgreSQL turns into an index range scan, so page one thousand costs what page one costs.
 */
final class PgQuerySql {

    private PgQuerySql() {
    }

    static SqlFragment where(Query query, Instant now) {
        return QuerySql.where(query, now, QuerySql.Dialect.POSTGRESQL);
    }

    /** As store.sqlite.QueuePageSql: by age (created_at, id), or by score from the highest down (score, id). */
    static SqlFragment page(PageRequest request, Instant now) {
        return page(request, now, "");
    }

    /** The same, selecting {@code extraColumns} (", expr AS name, ...") after the queue's own columns. */
    static SqlFragment page(PageRequest request, Instant now, String extraColumns) {
        SqlFragment where = where(request.query(), now);
        boolean byScore = request.order() == dev.modq.store.QueueOrder.SCORE;
        // by score the queue runs from the highest score down: walking forward is walking the index backwards
        boolean ascending = (request.direction() == PageRequest.Direction.FORWARD) != byScore;
        String key = byScore ? "c.score" : "c.created_at";
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(PgRows.QUEUE_COLUMNS).append(extraColumns)
                .append(" FROM comments c JOIN posts p ON p.id = c.post_id WHERE (").append(where.sql()).append(')');
        if (request.from() != null) {
            sql.append(" AND (").append(key).append(", c.id) ").append(ascending ? '>' : '<').append(" (?, ?)");
            params.add(byScore ? (Object) request.from().score() : (Object) request.from().createdAtSeconds());
            params.add(request.from().id());
        }
        sql.append(ascending ? " ORDER BY " + key + ", c.id" : " ORDER BY " + key + " DESC, c.id DESC");
        sql.append(" LIMIT ?");
        params.add(request.limit());
        return new SqlFragment(sql.toString(), params);
    }
}
