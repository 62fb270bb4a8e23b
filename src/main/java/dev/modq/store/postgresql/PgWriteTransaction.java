package dev.modq.store.postgresql;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.store.CommentState;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.PurgeSelection;
import dev.modq.store.WriteTransaction;

import java.sql.Array;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One modq write transaction on PostgreSQL. {@link PgStore#write} has already locked the chain
 * ({@code audit_chain_lock}), so modq's writers run one at a time as on SQLite; the comments a decision reads are
 * locked too ({@code FOR UPDATE}), so a blog backend's edit either lands before the read (and is seen: a conflict)
 * or waits until the decision commits. Statements are prepared once per transaction and reused.
 */
final class PgWriteTransaction implements WriteTransaction {

    private final Connection conn;
    private final Clock clock;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean rollbackOnly;
    private long lastAuditId = -1;
    private String lastHash;
    private boolean purgeTableMade;
    private final Map<String, dev.modq.core.query.WordMatcher> wordLists = new HashMap<>();

    PgWriteTransaction(Connection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    /**
     * Takes the chain lock: the first statement of every modq write transaction. A table lock, not a row lock read
     * by SELECT, because under REPEATABLE READ and SERIALIZABLE a transaction's snapshot is fixed by its first
     * query: LOCK TABLE takes none, so the snapshot starts after the previous writer committed and modq's writers
     * never fail each other (a SELECT ... FOR UPDATE would fix the snapshot before waiting, and every waiter
     * would then fail with 40001 and retry). SHARE ROW EXCLUSIVE conflicts with itself only among modq's writers;
     * readers (ACCESS SHARE) are never blocked. Released at COMMIT or ROLLBACK, never later.
     */
    static void lockChain(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("LOCK TABLE audit_chain_lock IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    @Override
    public Map<Long, CommentState> states(Collection<Long> commentIds) {
        return sql(() -> {
            // locked in id order, so two transactions locking overlapping sets cannot deadlock on each other
            PreparedStatement ps = prepared("SELECT id, status, reason, version FROM comments WHERE id = ANY (?)"
                    + " ORDER BY id FOR UPDATE");
            ps.setArray(1, ids(commentIds));
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
            PreparedStatement ps = prepared("UPDATE comments SET status = ?, reason = ?, version = version + 1"
                    + " WHERE id = ANY (?)");
            ps.setString(1, to.label());
            ps.setString(2, reason);
            ps.setArray(3, ids(commentIds));
            int changed = ps.executeUpdate();
            if (changed != commentIds.size()) {
                throw new IllegalStateException("expected to change " + commentIds.size() + " comments, changed " + changed);
            }
            if (to != Status.PENDING) {
                PgRules.clearHoldsOf(conn, commentIds); // a decided comment is no longer held (copied-in holds)
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> appendAll(List<NewAuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
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
            // the update is what makes two appends from one snapshot (REPEATABLE READ, SERIALIZABLE) a
            // serialization failure instead of a fork; under READ COMMITTED the row lock alone orders them
            PreparedStatement head = prepared("UPDATE audit_chain_lock SET last_id = ? WHERE id = 1");
            head.setLong(1, lastAuditId);
            head.executeUpdate();
            return stored;
        });
    }

    private static final String INSERT_AUDIT = "INSERT INTO audit_log (" + PgRows.AUDIT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Gives the entry the next id and links it into the chain: the same rule as SQLite's (core AuditChain). */
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
        PgRows.bind(ps, e.id(), e.at().toEpochMilli(), e.moderator(), e.actor(), PgRows.longOrNull(e.commentId()),
                e.action(), label(e.fromStatus()), label(e.toStatus()), e.reason(), e.fromReason(), e.note(), e.batchId(),
                PgRows.longOrNull(e.undoOf()), e.versionAfter(), e.subject(), label(e.fromRole()), label(e.toRole()),
                e.chainVersion(), e.prevHash(), e.hash());
    }

    private static String label(Status s) {
        return s == null ? null : s.label();
    }

    private static String label(Role r) {
        return r == null ? null : r.label();
    }

    /** Read once per transaction, under the chain lock: nobody else appends until we commit or roll back. */
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
            PgRows.bind(ps, batchId, moderator, clock.instant().toEpochMilli(), action, size, undoes);
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<AuditEntry> lastChange(long commentId) {
        return one("SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log WHERE comment_id = ? ORDER BY id DESC LIMIT 1",
                PgRows::audit, commentId);
    }

    @Override
    public List<AuditEntry> batchEntries(String batchId) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log WHERE batch_id = ? ORDER BY id");
            ps.setString(1, batchId);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(PgRows.audit(rs));
                }
            }
            return entries;
        });
    }

    @Override
    public Set<Long> undoneAmong(Collection<Long> auditEntryIds) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT undo_of FROM audit_log WHERE undo_of = ANY (?)");
            ps.setArray(1, ids(auditEntryIds));
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
        return one("SELECT b.id FROM batches b WHERE b.moderator = ? AND b.action <> 'undo'"
                + " AND NOT EXISTS (SELECT 1 FROM batches u WHERE u.undoes = b.id)"
                + " ORDER BY b.at DESC, b.id DESC LIMIT 1", rs -> rs.getString(1), moderator);
    }

    @Override
    public Optional<String> batchOwner(String batchId) {
        return one("SELECT moderator FROM batches WHERE id = ?", rs -> rs.getString(1), batchId);
    }

    @Override
    public Optional<Moderator> moderator(String name) {
        // FOR UPDATE: a roster check and a removal by another admin are ordered, never interleaved
        return one("SELECT name, role, created_at, disabled FROM moderators WHERE name = ? FOR UPDATE",
                PgRows::moderator, name);
    }

    @Override
    public void putModerator(String name, Role role) {
        sql(() -> {
            PreparedStatement ps = prepared("INSERT INTO moderators (name, role, created_at, disabled) VALUES (?, ?, ?, 0)"
                    + " ON CONFLICT (name) DO UPDATE SET role = excluded.role, disabled = 0");
            PgRows.bind(ps, name, role.label(), clock.instant().getEpochSecond());
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
        return one("SELECT count(*) FROM moderators WHERE role = 'admin' AND disabled = 0", rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public boolean hasModerators() {
        return one("SELECT EXISTS (SELECT 1 FROM moderators)", rs -> rs.getBoolean(1)).orElse(false);
    }

    @Override
    public Optional<AuditEntry> lastRosterChange(String subject) {
        return one("SELECT " + PgRows.AUDIT_COLUMNS + " FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1",
                PgRows::audit, subject);
    }

    @Override
    public PurgeSelection selectForPurge(Status status, Instant before) {
        return sql(() -> {
            if (!purgeTableMade) {
                run("CREATE TEMP TABLE IF NOT EXISTS purge_ids (id bigint PRIMARY KEY) ON COMMIT DELETE ROWS");
                purgeTableMade = true;
            }
            run("DELETE FROM purge_ids");
            PreparedStatement choose = prepared("INSERT INTO purge_ids (id) SELECT c.id FROM comments c"
                    + " WHERE c.status = ? AND coalesce((SELECT a.at FROM audit_log a WHERE a.comment_id = c.id"
                    + " ORDER BY a.id DESC LIMIT 1), c.created_at * 1000) < ?");
            PgRows.bind(choose, status.label(), before.toEpochMilli());
            long matched = choose.executeUpdate();
            // the newest comment stays, as on SQLite (there its id would be reused; here the rule is kept the same)
            int keptNewest = run("DELETE FROM purge_ids WHERE id = (SELECT max(id) FROM comments)");
            long keptForReplies = 0;
            for (int kept = dropParentsOfStayingReplies(); kept > 0; kept = dropParentsOfStayingReplies()) {
                keptForReplies += kept;
            }
            return new PurgeSelection(matched - keptForReplies - keptNewest, keptForReplies, keptNewest > 0);
        });
    }

    private int dropParentsOfStayingReplies() throws SQLException {
        return run("DELETE FROM purge_ids WHERE id IN (SELECT r.parent_id FROM comments r"
                + " WHERE r.parent_id IN (SELECT id FROM purge_ids) AND r.id NOT IN (SELECT id FROM purge_ids))");
    }

    @Override
    public List<CommentState> purgeCandidates(long afterId, int limit) {
        return sql(() -> {
            PreparedStatement ps = prepared("SELECT c.id, c.status, c.reason, c.version FROM purge_ids p"
                    + " JOIN comments c ON c.id = p.id WHERE p.id > ? ORDER BY p.id LIMIT ? FOR UPDATE OF c");
            PgRows.bind(ps, afterId, limit);
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
            // a chosen reply may sit in a later chunk than its chosen parent: check the reference at commit
            run("SET CONSTRAINTS comments_parent_id_fkey DEFERRED");
            PreparedStatement ps = prepared("DELETE FROM comments WHERE id = ANY (?)");
            ps.setArray(1, ids(commentIds));
            int deleted = ps.executeUpdate();
            if (deleted != commentIds.size()) {
                throw new IllegalStateException("expected to delete " + commentIds.size() + " comments, deleted " + deleted);
            }
            return null;
        });
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    boolean rollbackOnly() {
        return rollbackOnly;
    }

    private Array ids(Collection<Long> ids) throws SQLException {
        return conn.createArrayOf("bigint", ids.toArray(new Long[0]));
    }

    private int run(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private <T> Optional<T> one(String sql, PgStore.RowMapper<T> mapper, Object... params) {
        return sql(() -> {
            PreparedStatement ps = prepared(sql);
            PgRows.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        });
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
                // best effort; the connection outlives the transaction
            }
        }
        statements.clear();
    }

    @Override
    public java.util.Optional<dev.modq.store.ScoreWrites> scores() {
        return java.util.Optional.of(new dev.modq.store.jdbc.JdbcScoreWrites(conn,
                dev.modq.store.jdbc.SqlDialect.POSTGRESQL, UncheckedSql::new));
    }

    private static <T> T sql(SqlCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Carries an SQLException through the service's lambdas to the store, which retries or translates it. */
    static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    // ---- Rules, word lists and holds (issue 12). Regular expressions and word lists are matched in Java (PgQuery),
    // each list read once per transaction: modq changes lists only in write transactions, which wait for this one.

    @Override
    public java.util.List<dev.modq.core.rules.Rule> rules() {
        return sql(() -> PgRules.rules(conn));
    }

    @Override
    public void putRule(dev.modq.core.rules.Rule rule, String by) {
        sql(() -> {
            PgRules.putRule(conn, rule, by, clock.millis());
            return null;
        });
    }

    @Override
    public boolean deleteRule(String name) {
        return sql(() -> PgRules.deleteRule(conn, name));
    }

    @Override
    public java.util.Optional<java.util.List<String>> words(String list) {
        return sql(() -> dev.modq.store.jdbc.WordListSql.words(conn, list));
    }

    @Override
    public void createWordList(String list) {
        sql(() -> {
            PgRules.createWordList(conn, list, clock.millis());
            return null;
        });
    }

    @Override
    public java.util.List<String> addWords(String list, java.util.Collection<String> words) {
        return sql(() -> PgRules.addWords(conn, list, words));
    }

    @Override
    public java.util.List<String> removeWords(String list, java.util.Collection<String> words) {
        return sql(() -> PgRules.removeWords(conn, list, words));
    }

    @Override
    public void deleteWordList(String list) {
        sql(() -> {
            PgRules.deleteWordList(conn, list);
            return null;
        });
    }

    @Override
    public void putHolds(java.util.Collection<Long> commentIds, String rule, String batchId) {
        if (!commentIds.isEmpty()) {
            sql(() -> {
                PgRules.putHolds(conn, commentIds, rule, batchId, clock.millis());
                return null;
            });
        }
    }

    @Override
    public void clearHolds(String batchId) {
        sql(() -> {
            PgRules.clearHolds(conn, batchId);
            return null;
        });
    }

    @Override
    public long forEachMatch(dev.modq.core.query.Query query, dev.modq.store.IdVersionSink each) {
        return sql(() -> {
            PgQuery q = PgQuery.of(conn, query, wordLists);
            return PgReads.streamMatches(conn, q, PgReads.idVersions(q, clock.instant(), "c.id", 0), 0,
                    rs -> each.accept(rs.getLong(1), rs.getLong(2)));
        });
    }

    @Override
    public long maxCommentId() {
        return sql(() -> PgRules.maxCommentId(conn));
    }

    @Override
    public java.util.List<dev.modq.store.PendingRow> pendingAfter(long createdAt, long id, long minId, int limit) {
        return sql(() -> {
            // a row-value comparison: one range of the (status, created_at, id) index
            PreparedStatement ps = prepared("SELECT c.id, c.created_at, c.version, c.reason, c.score FROM comments c"
                    + " WHERE c.status = 'pending' AND (c.created_at, c.id) > (?, ?) AND c.id > ?"
                    + " ORDER BY c.created_at, c.id LIMIT ?");
            PgRows.bind(ps, createdAt, id, minId, limit);
            List<dev.modq.store.PendingRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new dev.modq.store.PendingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return rows;
        });
    }

    @Override
    public java.util.Set<Long> matching(dev.modq.core.query.Query query, java.util.Collection<Long> ids) {
        Set<Long> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        return sql(() -> {
            PgQuery q = PgQuery.of(conn, query, wordLists);
            dev.modq.store.sql.SqlFragment where = q.where(clock.instant());
            PreparedStatement ps = prepared("SELECT c.id" + q.columns() + " FROM comments c WHERE c.id = ANY (?)"
                    + " AND (" + where.sql() + ")");
            List<Object> params = new ArrayList<>();
            params.add(ids(ids));
            params.addAll(where.params());
            PgRows.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (q.test(rs)) {
                        found.add(rs.getLong(1));
                    }
                }
            }
            return found;
        });
    }
}
