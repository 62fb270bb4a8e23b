package dev.modq.store.sqlite;

import dev.modq.store.sql.SqlFragment;
import dev.modq.store.sql.QuerySql;
import dev.modq.store.PageRequest;
import dev.modq.store.PageRequest.Direction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for one keyset page. Walking (created_at, id) with a row-value comparison lets SQLite seek straight
 * into the index, so page one thousand costs what page one costs.
 */
record QueuePageSql(String sql, List<Object> params, boolean reversed) {

    static QueuePageSql of(PageRequest request, Instant now) {
        SqlFragment where = QuerySql.where(request.query(), now);
        boolean ascending = request.direction() == Direction.FORWARD;
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.QUEUE_COLUMNS)
                .append(" FROM comments c JOIN posts p ON p.id = c.post_id WHERE (").append(where.sql()).append(')');
        if (request.from() != null) {
            sql.append(ascending ? " AND (c.created_at, c.id) > (?, ?)" : " AND (c.created_at, c.id) < (?, ?)");
            params.add(request.from().createdAtSeconds());
            params.add(request.from().id());
        }
        sql.append(ascending ? " ORDER BY c.created_at, c.id" : " ORDER BY c.created_at DESC, c.id DESC");
        sql.append(" LIMIT ?");
        params.add(request.limit());
        return new QueuePageSql(sql.toString(), params, request.direction() == Direction.BACKWARD);
    }
}
