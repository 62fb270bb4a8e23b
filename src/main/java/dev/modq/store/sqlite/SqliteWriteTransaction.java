package dev.modq.store.sqlite;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.rules.Rule;
import dev.modq.store.IdVersionSink;
import dev.modq.store.PendingRow;
import dev.modq.store.CommentState;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.PurgeSelection;
import dev.modq.store.ScoreWrites;
import dev.modq.store.WriteTransaction;

import dev.modq.store.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final SqliteStore store;

    SqliteWriteTransaction(Connection conn, Clock clock, SqliteStore store) {
        this.conn = conn;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public List<Rule> rules() {
        return sql(() -> SqliteRules.rules(conn));
    }

    @Override
    public void putRule(Rule rule, String by) {
        sql(() -> {
            SqliteRules.putRule(conn, rule, by, clock.millis());
            return null;
        });
    }

    @Override
    public boolean deleteRule(String name) {
        return sql(() -> SqliteRules.deleteRule(conn, name));
    }

    @Override
    public Optional<List<String>> words(String list) {
        return sql(() -> SqliteRules.words(conn, list));
    }

    @Override
    public void createWordList(String list) {
        sql(() -> {
            SqliteRules.createWordList(conn, list, clock.millis());
            return null;
        });
    }

    @Override
    public List<String> addWords(String list, Collection<String> words) {
        return sql(() -> SqliteRules.addWords(conn, list, words));
    }

    @Override
    public List<String> removeWords(String list, Collection<String> words) {
        return sql(() -> SqliteRules.removeWords(conn, list, words));
    }

    @Override
    public void deleteWordList(String list) {
        sql(() -> {
            SqliteRules.deleteWordList(conn, list);
            return null;
        });
    }

    @Override
    public void putHolds(Collection<Long> commentIds, String rule, String batchId) {
        if (!commentIds.isEmpty()) {
            sql(() -> {
                SqliteRules.putHolds(conn, commentIds, rule, batchId, clock.millis());
                return null;
            });
        }
    }

    @Override
    public void clearHolds(String batchId) {
        sql(() -> {
            SqliteRules.clearHolds(conn, batchId);
            return null;
        });
    }

    @Override
    public long forEachMatch(Query query, IdVersionSink each) {
        return CommentStream.forEachIdVersion(store, query, each::accept);
    }

    @Override
    public List<PendingRow> pendingAfter(long createdAt, long id, long minId, int limit) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT c.id, c.created_at, c.version, c.reason, c.score FROM comments c"
                    + " WHERE c.status = 'pending' AND (c.created_at > ? OR (c.created_at = ? AND c.id > ?)) AND c.id > ?"
                    + " ORDER BY c.created_at, c.id LIMIT ?");
            SqliteStore.bind(ps, createdAt, createdAt, id, minId, limit);
            List<PendingRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)));
                }
            }
            return rows;
        });
    }

    @Override
    public Set<Long> matching(Query query, Collection<Long> ids) {
        Set<Long> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        SqlFragment where = store.where(query);
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT c.id FROM comments c WHERE c.id IN (SELECT value FROM json_each(?))"
                    + " AND (" + where.sql() + ")");
            List<Object> params = new ArrayList<>();
            params.add(jsonArray(ids));
            params.addAll(where.params());
            SqliteStore.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        });
    }

    @Override
    public long maxCommentId() {
        return sql(() -> SqliteRules.maxCommentId(conn));
    }

    @Override
    public Optional<ScoreWrites> scores() {
        return Optional.of(new dev.modq.store.jdbc.JdbcScoreWrites(conn, dev.modq.store.jdbc.SqlDialect.SQLITE,
                UncheckedSql::new));
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
            if (to != Status.PENDING) {
                SqliteRules.clearHoldsOf(conn, commentIds);
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
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Gives the entry the next id and links it into the chain (the chain head must be loaded). */
    private AuditEntry chained(NewAuditEntry e) {
        long id = lastAuditId + 1;
        Instant at = Instant.ofEpochMilli(clock.instant().toEpochMilli());
        AuditEntry unhashed = new AuditEntry(id, at, e.moderator(), e.actor(), e.commentId(), e.action(),
                e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(),
                e.versionAfter(), e.subject(), e.fromRole(), e.toRole(), AuditChain.CURRENT_VERSION, lastHash, null);
        String hash = AuditChain.hashOf(unhashed);
        AuditEntry entry = new AuditEntry(id, at, e.moderator(), e.actor(), e.commentId(), e.action(),
                e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(),
                e.versionAfter(), e.subject(), e.fromRole(), e.toRole(), AuditChain.CURRENT_VERSION, lastHash, hash);
        lastAuditId = id;
        lastHash = hash;
        return entry;
    }

    private static void bindAudit(PreparedStatement ps, AuditEntry e) throws SQLException {
        SqliteStore.bind(ps, e.id(), e.at().toEpochMilli(), e.moderator(), e.actor(), e.commentId(), e.action(),
                label(e.fromStatus()), label(e.toStatus()), e.reason(), e.fromReason(), e.note(), e.batchId(),
                e.undoOf(), e.versionAfter(), e.subject(), label(e.fromRole()), label(e.toRole()), e.chainVersion(),
                e.prevHash(), e.hash());
    }

    private static String label(Status s) {
        return s == null ? null : s.label();
    }

    private static String label(Role r) {
        return r == null ? null : r.label();
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
    public Optional<Moderator> moderator(String name) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT name, role, created_at, disabled FROM moderators WHERE name = ?");
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.moderator(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public void putModerator(String name, Role role) {
        sql(() -> {
            PreparedStatement ps = prepared("INSERT INTO moderators (name, role, created_at, disabled) VALUES (?, ?, ?, 0)"
                    + " ON CONFLICT(name) DO UPDATE SET role = excluded.role, disabled = 0");
            SqliteStore.bind(ps, name, role.label(), clock.instant().getEpochSecond());
            return ps.executeUpdate();
        });
    }

    @Override
    public void disableModerator(String name) {
        sql(() -> {
            PreparedStatement ps = prepared("UPDATE moderators SET disabled = 1 WHERE name = ?");
            ps.setString(1, name);
            return ps.executeUpdate();
        });
    }

    @Override
    public long activeAdmins() {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT count(*) FROM moderators WHERE role = 'admin' AND disabled = 0");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public boolean hasModerators() {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT EXISTS (SELECT 1 FROM moderators)");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) != 0;
            }
        });
    }

    @Override
    public Optional<AuditEntry> lastRosterChange(String subject) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT " + Rows.AUDIT_COLUMNS
                    + " FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1");
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.audit(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public PurgeSelection selectForPurge(Status status, Instant before) {
        return sql(() -> {
            run("CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)");
            run("DELETE FROM temp.purge_ids");
            PreparedStatement choose = prepared("INSERT INTO temp.purge_ids (id) SELECT c.id FROM comments c"
                    + " WHERE c.status = ? AND coalesce((SELECT a.at FROM audit_log a WHERE a.comment_id = c.id"
                    + " ORDER BY a.id DESC LIMIT 1), c.created_at * 1000) < ?");
            SqliteStore.bind(choose, status.label(), before.toEpochMilli());
            long matched = choose.executeUpdate();
            // first the newest comment, which stays: it may itself be a reply whose parent must then stay too
            int keptNewest = run("DELETE FROM temp.purge_ids WHERE id = (SELECT max(id) FROM comments)");
            long keptForReplies = 0;
            // a reply that stays keeps its parent; repeat, since that parent may itself be a reply to a chosen one
            for (int kept = dropParentsOfStayingReplies(); kept > 0; kept = dropParentsOfStayingReplies()) {
                keptForReplies += kept;
            }
            return new PurgeSelection(matched - keptForReplies - keptNewest, keptForReplies, keptNewest > 0);
        });
    }

    private int dropParentsOfStayingReplies() throws SQLException {
        return run("DELETE FROM temp.purge_ids WHERE id IN (SELECT r.parent_id FROM comments r"
                + " WHERE r.parent_id IN (SELECT id FROM temp.purge_ids) AND r.id NOT IN (SELECT id FROM temp.purge_ids))");
    }

    @Override
    public List<CommentState> purgeCandidates(long afterId, int limit) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT c.id, c.status, c.reason, c.version FROM temp.purge_ids p"
                    + " JOIN comments c ON c.id = p.id WHERE p.id > ? ORDER BY p.id LIMIT ?");
            SqliteStore.bind(ps, afterId, limit);
            List<CommentState> chunk = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunk.add(new CommentState(rs.getLong(1), Status.parse(rs.getString(2)), rs.getString(3), rs.getLong(4)));
                }
            }
            return chunk;
        });
    }

    @Override
    public void deleteComments(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return;
        }
        sql(() -> {
            // a chosen reply may sit in a later chunk than its chosen parent: check references at commit
            run("PRAGMA defer_foreign_keys = ON");
            PreparedStatement ps = prepared("DELETE FROM comments WHERE id IN (SELECT value FROM json_each(?))");
            ps.setString(1, jsonArray(commentIds));
            int deleted = ps.executeUpdate();
            if (deleted != commentIds.size()) {
                throw new IllegalStateException("expected to delete " + commentIds.size() + " comments, deleted " + deleted);
            }
            return null;
        });
    }

    private int run(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate(sql);
        }
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
