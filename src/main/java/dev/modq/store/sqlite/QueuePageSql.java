package dev.modq.store.sqlite;

import dev.modq.store.sql.SqlFragment;
import dev.modq.store.sql.QuerySql;
import dev.modq.store.PageRequest;
import dev.modq.store.PageRequest.Direction;
import dev.modq.store.QueueOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for one keyset page. Walking (created_at, id) — or (score, id) backwards for most likely spam first —
 * with a row-value comparison lets SQLite seek straight into the index, so page one thousand costs what page
 * one costs.
 */
record QueuePageSql(String sql, List<Object> params, boolean reversed) {

    static QueuePageSql of(PageRequest request, Instant now) {
        SqlFragment where = QuerySql.where(request.query(), now);
        boolean byScore = request.order() == QueueOrder.SCORE;
        // by score the queue runs from the highest score down: walking forward is walking the index backwards
        boolean ascending = (request.direction() == Direction.FORWARD) != byScore;
        String key = byScore ? "c.score" : "c.created_at";
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.QUEUE_COLUMNS)
                .append(" FROM comments c JOIN posts p ON p.id = c.post_id WHERE (").append(where.sql()).append(')');
        if (request.from() != null) {
            sql.append(" AND (").append(key).append(", c.id) ").append(ascending ? '>' : '<').append(" (?, ?)");
            params.add(byScore ? request.from().score() : request.from().createdAtSeconds());
            params.add(request.from().id());
        }
        sql.append(ascending ? " ORDER BY " + key + ", c.id" : " ORDER BY " + key + " DESC, c.id DESC");
        sql.append(" LIMIT ?");
        params.add(request.limit());
        return new QueuePageSql(sql.toString(), params, request.direction() == Direction.BACKWARD);
    }
}
