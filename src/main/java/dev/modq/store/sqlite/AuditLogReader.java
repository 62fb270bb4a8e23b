package dev.modq.store.sqlite;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.ChainPin;
import dev.modq.store.AuditFilter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams audit-log entries off the cursor, for `modq log` and the hash-chain check. */
public final class AuditLogReader {

    private AuditLogReader() {
    }

    public static long forEach(SqliteStore store, AuditFilter filter, Consumer<AuditEntry> each) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(where, params, "moderator = ?", filter.moderator());
        add(where, params, "action = ?", filter.action());
        add(where, params, "at >= ?", filter.since() == null ? null : filter.since().toEpochMilli());
        add(where, params, "at < ?", filter.until() == null ? null : filter.until().toEpochMilli());
        add(where, params, "batch_id = ?", filter.batchId());
        add(where, params, "comment_id = ?", filter.commentId());
        String sql = "SELECT " + Rows.AUDIT_COLUMNS + " FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + (filter.newestFirst() ? " ORDER BY id DESC" : " ORDER BY id")
                + (filter.limit() > 0 ? " LIMIT " + filter.limit() : "");
        return store.sql("reading the audit log", () -> {
            long n = 0;
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                SqliteStore.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(Rows.audit(rs));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /**
     * The newest entry's id and hash as a pin ({@code 0:GENESIS} for an empty log). The count is the newest id:
     * in an intact log ids run from 1 without gaps, and `log --verify` checks that.
     */
    public static ChainPin head(SqliteStore store) {
        return store.sql("reading the audit log", () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainPin(rs.getLong(1), rs.getString(2)) : new ChainPin(0, AuditChain.GENESIS);
            }
        });
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            params.add(value);
        }
    }
}
