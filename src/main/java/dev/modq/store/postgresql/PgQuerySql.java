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

    static SqlFragment page(PageRequest request, Instant now) {
        SqlFragment where = where(request.query(), now);
        boolean ascending = request.direction() == PageRequest.Direction.FORWARD;
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(PgRows.QUEUE_COLUMNS)
                .append(" FROM comments c JOIN posts p ON p.id = c.post_id WHERE (").append(where.sql()).append(')');
        if (request.from() != null) {
            sql.append(ascending ? " AND (c.created_at, c.id) > (?, ?)" : " AND (c.created_at, c.id) < (?, ?)");
            params.add(request.from().createdAtSeconds());
            params.add(request.from().id());
        }
        sql.append(ascending ? " ORDER BY c.created_at, c.id" : " ORDER BY c.created_at DESC, c.id DESC");
        sql.append(" LIMIT ?");
        params.add(request.limit());
        return new SqlFragment(sql.toString(), params);
    }
}
