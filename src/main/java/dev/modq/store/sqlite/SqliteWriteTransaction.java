package dev.modq.store.sqlite;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.Status;
import dev.modq.store.CommentState;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.WriteTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDBC side of one IMMEDIATE transaction. Statements are prepared once per transaction and reused,
 * so a 100,000-comment decision prepares each statement once.
 */
final class SqliteWriteTransaction implements WriteTransaction {

    private final Connection conn;
    private final Clock clock;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean rollbackOnly;
    private long lastAuditId = -1;
    private String lastHash;

    SqliteWriteTransaction(Connection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    @Override
    public Map<Long, CommentState> states(Collection<Long> commentIds) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT id, status, reason, version FROM comments"
                    + " WHERE id IN (SELECT value FROM json_each(?))");
            ps.setString(1, jsonArray(commentIds));
            Map<Long, CommentState> states = new HashMap<>(commentIds.size() * 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getLong(1),
                            new CommentState(rs.getLong(1), Status.parse(rs.getString(2)), rs.getString(3), rs.getLong(4)));
                }
            }
            return states;
        });
    }

    @Override
    public void setStatuses(Collection<Long> commentIds, Status to, String reason) {
        if (commentIds.isEmpty()) {
            return;
        }
        sql(() -> {
            // one set-based statement per chunk: SQLite walks the ids once instead of one statement per comment
            PreparedStatement ps = prepared("UPDATE comments SET status = ?, reason = ?, version = version + 1"
                    + " WHERE id IN (SELECT value FROM json_each(?))");
            ps.setString(1, to.label());
            ps.setString(2, reason);
            ps.setString(3, jsonArray(commentIds));
            int changed = ps.executeUpdate();
            if (changed != commentIds.size()) {
                throw new IllegalStateException("expected to change " + commentIds.size() + " comments, changed " + changed);
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> appendAll(List<NewAuditEntry> entries) {
        return sql(() -> {
            loadChainHead();
            PreparedStatement ps = prepared(INSERT_AUDIT);
            List<AuditEntry> stored = new ArrayList<>(entries.size());
            for (NewAuditEntry e : entries) {
                AuditEntry entry = chained(e);
                bindAudit(ps, entry);
                ps.addBatch();
                stored.add(entry);
            }
            ps.executeBatch();
            return stored;
        });
    }

    private static String jsonArray(Collection<Long> ids) {
        StringBuilder json = new StringBuilder(ids.size() * 8 + 2).append('[');
        for (Long id : ids) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(id.longValue());
        }
        return json.append(']').toString();
    }

    private static final String INSERT_AUDIT = "INSERT INTO audit_log (" + Rows.AUDIT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Gives the entry the next id and links it into the chain (the chain head must be loaded). */
    private AuditEntry chained(NewAuditEntry e) {
        long id = lastAuditId + 1;
        long at = clock.instant().toEpochMilli();
        String hash = AuditChain.hash(id, at, e.moderator(), e.commentId(), e.action(), e.fromStatus(), e.toStatus(),
                e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(), e.versionAfter(), lastHash);
        AuditEntry entry = new AuditEntry(id, Instant.ofEpochMilli(at), e.moderator(), e.commentId(), e.action(),
                e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(),
                e.versionAfter(), lastHash, hash);
        lastAuditId = id;
        lastHash = hash;
        return entry;
    }

    private static void bindAudit(PreparedStatement ps, AuditEntry e) throws SQLException {
        SqliteStore.bind(ps, e.id(), e.at().toEpochMilli(), e.moderator(), e.commentId(), e.action(),
                e.fromStatus().label(), e.toStatus().label(), e.reason(), e.fromReason(), e.note(), e.batchId(),
                e.undoOf(), e.versionAfter(), e.prevHash(), e.hash());
    }

    /** The chain head is read once per transaction; we hold the write lock, so nobody else appends meanwhile. */
    private void loadChainHead() throws SQLException {
        if (lastHash != null) {
            return;
        }
        PreparedStatement ps = prepared("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                lastAuditId = rs.getLong(1);
                lastHash = rs.getString(2);
            } else {
                lastAuditId = 0;
                lastHash = AuditChain.GENESIS;
            }
        }
    }

    @Override
    public void recordBatch(String batchId, String moderator, String action, int size, String undoes) {
        sql(() -> {
            PreparedStatement ps = prepared("INSERT INTO batches (id, moderator, at, action, size, undoes) VALUES (?, ?, ?, ?, ?, ?)");
            SqliteStore.bind(ps, batchId, moderator, clock.instant().toEpochMilli(), action, size, undoes);
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<AuditEntry> lastChange(long commentId) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT " + Rows.AUDIT_COLUMNS
                    + " FROM audit_log WHERE comment_id = ? ORDER BY id DESC LIMIT 1");
            ps.setLong(1, commentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.audit(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public List<AuditEntry> batchEntries(String batchId) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT " + Rows.AUDIT_COLUMNS + " FROM audit_log WHERE batch_id = ? ORDER BY id");
            ps.setString(1, batchId);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(Rows.audit(rs));
                }
            }
            return entries;
        });
    }

    @Override
    public Set<Long> undoneAmong(Collection<Long> auditEntryIds) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT undo_of FROM audit_log WHERE undo_of IN (SELECT value FROM json_each(?))");
            ps.setString(1, jsonArray(auditEntryIds));
            Set<Long> undone = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    undone.add(rs.getLong(1));
                }
            }
            return undone;
        });
    }

    @Override
    public Optional<String> latestUndoableBatch(String moderator) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT b.id FROM batches b WHERE b.moderator = ? AND b.action <> 'undo'"
                    + " AND NOT EXISTS (SELECT 1 FROM batches u WHERE u.undoes = b.id)"
                    + " ORDER BY b.at DESC, b.id DESC LIMIT 1");
            ps.setString(1, moderator);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> batchOwner(String batchId) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT moderator FROM batches WHERE id = ?");
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    boolean rollbackOnly() {
        return rollbackOnly;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing is best effort; the connection outlives the transaction
            }
        }
        statements.clear();
    }

    private <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    /** Carries an SQLException through the service's lambdas to the store, which translates it. */
    static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
