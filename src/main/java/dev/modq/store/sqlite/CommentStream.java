package dev.modq.store.sqlite;

import dev.modq.core.ListedComment;
import dev.modq.core.query.Query;
import dev.modq.store.ListOrder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams matching comments one row at a time straight off the SQLite cursor: listing a million comments
 * holds one of them in memory, not a million.
 */
public final class CommentStream {

    /** The same count as the query language's {@code links:} term, so a listed count matches the filter. */
    static final String LINK_COUNT = "((length(c.body) - length(replace(c.body, '://', ''))) / 3)";

    private CommentStream() {
    }

    /** Calls {@code each} for every match in {@code order}, at most {@code limit} (0: all); returns how many. */
    public static long forEach(SqliteStore store, Query query, ListOrder order, long limit, Consumer<ListedComment> each) {
        SqlFragment where = QuerySql.where(query, store.clock().instant());
        String sql = "SELECT " + Rows.COMMENT_COLUMNS + ", coalesce(p.title, ''), " + LINK_COUNT
                + " FROM comments c JOIN posts p ON p.id = c.post_id WHERE " + where.sql()
                + " ORDER BY " + order.orderBy() + (limit > 0 ? " LIMIT " + limit : "");
        List<Object> params = new ArrayList<>(where.params());
        return store.sql("listing comments", () -> {
            long n = 0;
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                SqliteStore.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new ListedComment(Rows.comment(rs), rs.getString(17), rs.getInt(18)));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /** Ids and versions of every match, for acting on a query (8 bytes a match, not a whole comment). */
    public static long forEachIdVersion(SqliteStore store, Query query, dev.modq.store.CommentStreams.IdVersionConsumer each) {
        SqlFragment where = QuerySql.where(query, store.clock().instant());
        String sql = "SELECT c.id, c.version FROM comments c JOIN posts p ON p.id = c.post_id WHERE " + where.sql()
                + " ORDER BY c.id";
        return store.sql("selecting comments", () -> {
            long n = 0;
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                SqliteStore.bind(ps, where.params().toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs.getLong(1), rs.getLong(2));
                        n++;
                    }
                }
            }
            return n;
        });
    }
}
