package dev.modq.store.postgresql;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.AuthorHistory;
import dev.modq.core.BatchSummary;
import dev.modq.core.ChainProblem;
import dev.modq.core.Comment;
import dev.modq.core.Moderator;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.ChainPin;
import dev.modq.core.ListedComment;
import dev.modq.core.Stats;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportRow;
import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;
import dev.modq.store.AuditFilter;
import dev.modq.store.BackupResult;
import dev.modq.store.ChangeWatcher;
import dev.modq.store.CheckReport;
import dev.modq.store.ImportOutcome;
import dev.modq.store.Keyset;
import dev.modq.store.ListOrder;
import dev.modq.store.PageRequest;
import dev.modq.store.sql.SqlFragment;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.store.WriteTransaction;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The PostgreSQL store: one connection per store (as SQLite's), auto-commit for single reads, explicit
 * transactions for writes and for multi-statement reads. Every write transaction first locks the audit chain's row,
 * so modq's writers take turns exactly as they do on SQLite (BEGIN IMMEDIATE), and only for their own transaction.
 * Serialization failures and deadlocks are retried ({@link PgRetry}).
 */
public final class PgStore implements Store {

    /** How long a statement waits for a row lock another writer holds (as SQLite's busy timeout). */
    public static final int DEFAULT_LOCK_TIMEOUT_MS = 5_000;

    private final PgAddress address;
    private final Connection conn;
    private final Clock clock;
    private final PgRetry retry;
    private final int lockTimeoutMs;
    private String lastSnapshot;
    private long dataVersion;

    private PgStore(PgAddress address, Connection conn, Clock clock, PgRetry retry, int lockTimeoutMs) {
        this.address = address;
        this.conn = conn;
        this.clock = clock;
        this.retry = retry;
        this.lockTimeoutMs = lockTimeoutMs;
    }

    /**
     * Connects, refuses a server older than {@value PgSchema#MIN_SERVER_VERSION} and a database of another program,
     * and brings the schema up to date when {@code create} (modq init) or when it only needs migrations.
     */
    public static PgStore open(String address, boolean create) {
        return open(PgAddress.parse(address), create, Clock.systemUTC(), PgRetry.fromEnvironment(), lockTimeoutFromEnvironment());
    }

    /** As {@link dev.modq.store.Stores#open} asks: CREATE may make an empty database modq's (init, demo, copy). */
    public static PgStore open(String address, dev.modq.store.OpenOptions options) {
        return open(PgAddress.parse(address), options.mode() == dev.modq.store.OpenMode.CREATE, options.clock(),
                PgRetry.fromEnvironment(), options.busyTimeoutMs() == null ? lockTimeoutFromEnvironment()
                        : options.busyTimeoutMs());
    }

    static PgStore open(PgAddress address, boolean create, Clock clock, PgRetry retry, int lockTimeoutMs) {
        Connection conn = connect(address, lockTimeoutMs);
        PgStore store = new PgStore(address, conn, clock, retry, lockTimeoutMs);
        try {
            store.requireSupportedServer();
            store.requireModqDatabase(create);
            store.sql("upgrading the schema", () -> PgMigrator.bundled().migrate(conn, address.shown(), true));
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A second connection to the same database (the text UI writes on one off its key loop). */
    @Override
    public PgStore openAnother(int busyTimeoutMs) {
        return new PgStore(address, connect(address, busyTimeoutMs), clock, retry, busyTimeoutMs);
    }

    /** The schema version this program brings for PostgreSQL. */
    public static int bundledSchemaVersion() {
        return PgMigrator.bundled().latestVersion();
    }

    static Connection connect(PgAddress address, int lockTimeoutMs) {
        try {
            Connection conn = DriverManager.getConnection(address.jdbcUrl(), address.properties());
            try (Statement st = conn.createStatement()) {
                st.execute("SET lock_timeout = " + Math.max(0, lockTimeoutMs));
            }
            return conn;
        } catch (SQLException e) {
            throw PgErrors.connecting(address, e);
        }
    }

    private static int lockTimeoutFromEnvironment() {
        String configured = System.getProperty("modq.busyTimeoutMs");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("MODQ_BUSY_TIMEOUT_MS");
        }
        if (configured == null || configured.isBlank()) {
            return DEFAULT_LOCK_TIMEOUT_MS;
        }
        try {
            return Math.max(0, Integer.parseInt(configured.trim()));
        } catch (NumberFormatException e) {
            throw new StoreException("MODQ_BUSY_TIMEOUT_MS must be a number of milliseconds, not '" + configured + "'");
        }
    }

    private void requireSupportedServer() {
        int version = sql("reading the server version", () -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                return Integer.parseInt(rs.getString(1).trim());
            }
        });
        if (version < PgSchema.MIN_SERVER_VERSION_NUM) {
            throw new StoreException(address.shown() + " runs PostgreSQL " + (version / 10000) + "."
                    + (version % 10000) + ", older than modq supports: use PostgreSQL " + PgSchema.MIN_SERVER_VERSION
                    + " or newer");
        }
    }

    /**
     * A database with tables of its own but no modq migration history belongs to another program: never touch
     * it. An empty database is made into a modq database only by `modq init` ({@code create}).
     */
    private void requireModqDatabase(boolean create) {
        boolean[] facts = sql("reading the schema", () -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
                rs.next();
                return new boolean[]{rs.getLong(1) > 0, PgMigrator.tableExists(conn, "schema_migrations")};
            }
        });
        boolean hasTables = facts[0];
        boolean isModq = facts[1];
        if (hasTables && !isModq) {
            throw new StoreException(address.shown() + " is a PostgreSQL database but not a modq database (it has"
                    + " tables but no schema_migrations): choose another --db");
        }
        if (!isModq && !create) {
            throw new StoreException(address.shown() + " has no modq schema yet: run `modq init --db "
                    + address.shown() + "` first");
        }
    }

    public PgAddress pgAddress() {
        return address;
    }

    @Override
    public String address() {
        return address.shown();
    }

    /** The text UI's header: the database's name. */
    @Override
    public String shortName() {
        return address.database();
    }

    @Override
    public boolean writable() {
        return !readOnlySession;
    }

    private boolean readOnlySession;

    /** Every transaction of this session read-only (verifying, browsing): the server refuses writes. */
    void setReadOnlySession() {
        sql("making the session read-only", () -> {
            try (Statement st = conn.createStatement()) {
                st.execute("SET default_transaction_read_only = on");
            }
            return null;
        });
        readOnlySession = true;
    }

    Connection connection() {
        return conn;
    }

    /** A new connection to the same database, set up as this store's (an import stages and applies on one). */
    Connection connectAnother() {
        return connect(address, lockTimeoutMs);
    }

    PgRetry retry() {
        return retry;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public Optional<Comment> comment(long id) {
        return queryOne("reading comment " + id, "SELECT " + PgRows.COMMENT_COLUMNS + " FROM comments c WHERE c.id = ?",
                PgRows::comment, id);
    }

    @Override
    public Optional<Post> post(long id) {
        return queryOne("reading post " + id, "SELECT " + PgRows.POST_COLUMNS + " FROM posts WHERE id = ?",
                PgRows::post, id);
    }

    @Override
    public List<QueueRow> page(PageRequest request) {
        List<QueueRow> rows;
        if (request.query().hasJavaTerms()) {
            rows = pageFilteredInJava(request);
        } else {
            SqlFragment page = PgQuerySql.page(request, clock.instant());
            rows = queryList("reading the queue", page.sql(), PgRows::queueRow, page.params().toArray());
        }
        if (request.direction() == PageRequest.Direction.BACKWARD) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** The most rows one keyset chunk of a filtered page reads (chunks start at the page size and double). */
    private static final int MAX_CHUNK = 5_000;

    /**
     * A page of a query with regular expressions or word lists: its SQL terms select keyset chunks (each an index
     * range, as a page is), the Java-matched terms keep the matches, and the next chunk starts after the last row
     * read, until the page is full or the rows end. Never more than one chunk is held; all in one snapshot.
     */
    private List<QueueRow> pageFilteredInJava(PageRequest request) {
        Instant now = clock.instant();
        return read("reading the queue", () -> {
            PgQuery q = PgQuery.of(conn, request.query());
            List<QueueRow> rows = new ArrayList<>(request.limit());
            PageRequest chunk = new PageRequest(q.sqlQuery(), request.from(), request.direction(),
                    Math.max(request.limit(), 100), request.order());
            while (true) {
                Chunk read = readChunk(q, PgQuerySql.page(chunk, now, q.columns()), rows, request.limit());
                if (rows.size() >= request.limit() || read.rows() < chunk.limit()) {
                    return rows;
                }
                PageRequest next = new PageRequest(chunk.query(), null, chunk.direction(),
                        Math.min(chunk.limit() * 2, MAX_CHUNK), chunk.order());
                chunk = chunk.direction() == PageRequest.Direction.FORWARD ? next.after(Keyset.of(read.last()))
                        : next.before(Keyset.of(read.last()));
            }
        });
    }

    /** How many rows a chunk had and the last one read. */
    private record Chunk(int rows, QueueRow last) {
    }

    /** Adds the chunk's matches to {@code rows} until it holds {@code limit}. */
    private Chunk readChunk(PgQuery q, SqlFragment page, List<QueueRow> rows, int limit) throws SQLException {
        int read = 0;
        QueueRow last = null;
        try (PreparedStatement ps = conn.prepareStatement(page.sql())) {
            PgRows.bind(ps, page.params().toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rows.size() < limit && rs.next()) {
                    read++;
                    last = PgRows.queueRow(rs);
                    if (q.test(rs)) {
                        rows.add(last);
                    }
                }
            }
        }
        return new Chunk(read, last);
    }

    @Override
    public long count(Query query) {
        if (query.hasJavaTerms()) {
            return countMatches(query, 0);
        }
        SqlFragment where = PgQuerySql.where(query, clock.instant());
        return queryOne("counting comments", "SELECT count(*) FROM comments c WHERE " + where.sql(),
                rs -> rs.getLong(1), where.params().toArray()).orElse(0L);
    }

    @Override
    public long countUpTo(Query query, long limit) {
        if (query.hasJavaTerms()) {
            return countMatches(query, limit + 1);
        }
        SqlFragment where = PgQuerySql.where(query, clock.instant());
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit + 1);
        return queryOne("counting comments", "SELECT count(*) FROM (SELECT 1 FROM comments c WHERE " + where.sql()
                + " LIMIT ?) AS m", rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    /** Counts by streaming the SQL terms' rows through the Java-matched terms, stopping at {@code limit} (0: all). */
    private long countMatches(Query query, long limit) {
        return PgReads.streamMatches(this, "counting comments", query, limit, q -> {
            SqlFragment where = q.where(clock.instant());
            return new SqlFragment("SELECT c.id" + q.columns() + " FROM comments c WHERE " + where.sql(), where.params());
        }, rs -> { });
    }

    @Override
    public Map<Status, Long> countsByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        queryList("counting by status", "SELECT status, n FROM status_counts",
                rs -> Map.entry(Status.parse(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public AuthorHistory authorHistory(Comment comment) {
        boolean byEmail = comment.authorEmail() != null && !comment.authorEmail().isBlank();
        String sql = "SELECT status, count(*) FROM comments WHERE " + (byEmail ? "author_email" : "author_name")
                + " = ? AND id <> ? GROUP BY status";
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        queryList("reading the author's history", sql, rs -> Map.entry(Status.parse(rs.getString(1)), rs.getLong(2)),
                byEmail ? comment.authorEmail() : comment.authorName(), comment.id())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return new AuthorHistory(counts.getOrDefault(Status.APPROVED, 0L), counts.getOrDefault(Status.REJECTED, 0L),
                counts.getOrDefault(Status.FLAGGED, 0L), counts.getOrDefault(Status.PENDING, 0L));
    }

    @Override
    public AuthorHistory authorHistoryUpTo(Comment comment, long cap) {
        boolean byEmail = comment.authorEmail() != null && !comment.authorEmail().isBlank();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments WHERE "
                + (byEmail ? "author_email" : "author_name") + " = ? AND status = ? AND id <> ? LIMIT ?) AS m";
        String author = byEmail ? comment.authorEmail() : comment.authorName();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, queryOne("reading the author's history", sql, rs -> rs.getLong(1),
                    author, status.label(), comment.id(), cap + 1).orElse(0L));
        }
        return new AuthorHistory(counts.get(Status.APPROVED), counts.get(Status.REJECTED), counts.get(Status.FLAGGED),
                counts.get(Status.PENDING));
    }

    @Override
    public List<AuditEntry> history(long commentId) {
        return queryList("reading the audit log", "SELECT " + PgRows.AUDIT_COLUMNS
                + " FROM audit_log WHERE comment_id = ? ORDER BY id", PgRows::audit, commentId);
    }

    @Override
    public Map<String, String> commentMeta(long commentId, int limit) {
        Map<String, String> meta = new LinkedHashMap<>();
        queryList("reading the comment's meta", "SELECT meta_key, meta_value FROM comment_meta WHERE comment_id = ?"
                + " ORDER BY meta_key LIMIT ?", rs -> new String[]{rs.getString(1), rs.getString(2)},
                commentId, limit).forEach(pair -> meta.put(pair[0], pair[1]));
        return meta;
    }

    /**
     * Changes whenever a transaction that wrote anything starts or ends on the server since the last call: the
     * server's current snapshot (xmin, xmax, transactions in progress) then differs. Cheap (no table is read) and
     * never misses a commit; it may change for another database's writes on the same server, which only costs a
     * re-read. LISTEN on {@link PgSchema#CHANGES_CHANNEL} is the way to be told without asking.
     */
    private PgChangeWatcher watcher;

    /**
     * Wake-ups from LISTEN modq_changes on a connection of the watcher's own (the schema's triggers NOTIFY after
     * every change of comments, the audit log or the roster), plus the server's snapshot read on this store's own
     * connection when asked ({@link #dataVersion}): the NOTIFY arrives on another thread a moment after the commit,
     * the snapshot is exact at the moment of asking, so a poll right after another session's commit always sees it
     * (as SQLite's PRAGMA data_version does). Either one moving moves the version. Made on first use, closed with
     * the store.
     */
    @Override
    public synchronized ChangeWatcher changes() {
        if (watcher == null) {
            watcher = new PgChangeWatcher(() -> connect(address, lockTimeoutMs), PgStore::snapshotProbe,
                    PgChangeWatcher.Options.defaults(), () -> { });
        }
        PgChangeWatcher w = watcher;
        return () -> w.version() + dataVersion();
    }

    /** A number that differs whenever a writing transaction started or ended on the server since the last probe. */
    static long snapshotProbe(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_current_snapshot()::text")) {
            rs.next();
            String s = rs.getString(1);
            long h = 1125899906842597L;
            for (int i = 0; i < s.length(); i++) {
                h = 31 * h + s.charAt(i);
            }
            return h;
        }
    }

    public long dataVersion() {
        String snapshot = queryOne("polling for changes", "SELECT pg_current_snapshot()::text", rs -> rs.getString(1))
                .orElse("");
        if (!snapshot.equals(lastSnapshot)) {
            lastSnapshot = snapshot;
            dataVersion++;
        }
        return dataVersion;
    }

    @Override
    public Optional<BatchSummary> latestUndoableBatch(String moderator) {
        return queryOne("reading the latest batch of " + moderator, "SELECT b.id, b.moderator, b.action, b.size, b.at"
                + " FROM batches b WHERE b.moderator = ? AND b.action <> 'undo'"
                + " AND NOT EXISTS (SELECT 1 FROM batches u WHERE u.undoes = b.id) ORDER BY b.at DESC, b.id DESC LIMIT 1",
                rs -> new BatchSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Instant.ofEpochMilli(rs.getLong(5))), moderator);
    }

    @Override
    public Optional<Moderator> moderator(String name) {
        return queryOne("reading moderator " + name,
                "SELECT name, role, created_at, disabled FROM moderators WHERE name = ?", PgRows::moderator, name);
    }

    @Override
    public List<Moderator> moderators() {
        return queryList("reading moderators", "SELECT name, role, created_at, disabled FROM moderators ORDER BY name",
                PgRows::moderator);
    }

    @Override
    public void putModerator(String name, Role role) {
        update("adding moderator " + name, "INSERT INTO moderators (name, role, created_at, disabled) VALUES (?, ?, ?, 0)"
                + " ON CONFLICT (name) DO UPDATE SET role = excluded.role, disabled = 0",
                name, role.label(), clock.instant().getEpochSecond());
    }

    @Override
    public void setModeratorDisabled(String name, boolean disabled) {
        update("changing moderator " + name, "UPDATE moderators SET disabled = ? WHERE name = ?", disabled ? 1 : 0, name);
    }

    @Override
    public boolean hasModerators() {
        return queryOne("reading moderators", "SELECT EXISTS (SELECT 1 FROM moderators)", rs -> rs.getBoolean(1))
                .orElse(false);
    }

    @Override
    public Optional<String> setting(String key) {
        return queryOne("reading setting " + key, "SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void putSetting(String key, String value) {
        update("saving setting " + key, "INSERT INTO settings (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
    }

    /**
     * One transaction: lock the chain row, run {@code work}, commit (or roll back when it asked to or threw). A
     * serialization failure or deadlock anywhere in it runs the whole of it again, up to the retry limit.
     */
    @Override
    public <T> T write(String doing, Function<WriteTransaction, T> work) {
        try {
            return retry.run(address.shown(), doing, () -> writeOnce(work));
        } catch (SQLException e) {
            throw PgErrors.translate(address, doing, e);
        }
    }

    private <T> T writeOnce(Function<WriteTransaction, T> work) throws SQLException {
        PgWriteTransaction tx = new PgWriteTransaction(conn, clock);
        conn.setAutoCommit(false);
        boolean done = false;
        try {
            PgWriteTransaction.lockChain(conn);
            T result = work.apply(tx);
            tx.closeStatements();
            if (tx.rollbackOnly()) {
                conn.rollback();
            } else {
                conn.commit();
            }
            done = true;
            return result;
        } catch (PgWriteTransaction.UncheckedSql e) {
            throw e.getCause();
        } finally {
            if (!done) {
                tx.closeStatements();
                rollbackQuietly();
            }
            restoreAutoCommit();
        }
    }

    /**
     * Runs reads in one REPEATABLE READ, READ ONLY transaction: one snapshot, whatever others commit meanwhile.
     * Result sets inside are fetched in chunks (the driver holds the whole result in memory otherwise).
     */
    <T> T read(String doing, PgWriteTransaction.SqlCall<T> work) {
        if (inTransaction()) {
            return sql(doing, work);  // already inside this connection's write or read: one snapshot, its own
        }
        try {
            return retry.run(address.shown(), doing, () -> {
                conn.setAutoCommit(false);
                boolean done = false;
                try (Statement st = conn.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    T result = work.run();
                    conn.commit();
                    done = true;
                    return result;
                } catch (PgWriteTransaction.UncheckedSql e) {
                    throw e.getCause();
                } finally {
                    if (!done) {
                        rollbackQuietly();
                    }
                    restoreAutoCommit();
                }
            });
        } catch (SQLException e) {
            throw PgErrors.translate(address, doing, e);
        }
    }

    private boolean inTransaction() {
        return sql("reading the connection's state", () -> !conn.getAutoCommit());
    }

    /** Streams the audit log from {@code fromId} in id order inside one read transaction (one chunk in memory). */
    @Override
    public <T> T readAuditLog(long fromId, Function<Iterator<AuditEntry>, T> reader) {
        return read("reading the audit log", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + PgRows.AUDIT_COLUMNS
                    + " FROM audit_log WHERE id >= ? ORDER BY id")) {
                ps.setFetchSize(1000);
                ps.setLong(1, fromId);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.apply(new RowIterator<>(rs, PgRows::audit));
                }
            }
        });
    }

    /** The first break in the audit log's hash chain, if any: the same check as on SQLite. */
    @Override
    public Optional<ChainProblem> verifyAuditChain() {
        return readAuditLog(0, AuditChain::verify);
    }

    @Override
    public long forEachListed(Query query, ListOrder order, long limit, Consumer<ListedComment> each) {
        return PgReads.forEachListed(this, query, order, limit, each);
    }

    @Override
    public long forEachIdVersion(Query query, IdVersionConsumer each) {
        return PgReads.forEachIdVersion(this, query, each);
    }

    @Override
    public Stats stats(int topPosts, int days) {
        return PgReads.stats(this, topPosts, days);
    }

    @Override
    public long forEachAudit(AuditFilter filter, Consumer<AuditEntry> each) {
        return PgReads.forEachAudit(this, filter, each);
    }

    @Override
    public ChainPin auditHead() {
        return PgReads.auditHead(this);
    }

    @Override
    public CheckReport check() {
        return PgHealthCheck.run(this);
    }

    /** No file of its own: the service copies it row by row from one snapshot into a SQLite file (pg_dump for the server). */
    @Override
    public Optional<BackupResult> backup(Path file) {
        return Optional.empty();
    }

    @Override
    public int schemaVersion() {
        return queryOne("reading the schema version", "SELECT coalesce(max(version), 0) FROM schema_migrations",
                rs -> rs.getInt(1)).orElse(0);
    }

    @Override
    public void bulkLoad(String doing, Consumer<Sink> load) {
        PgBulkLoad.load(this, doing, load);
    }

    @Override
    public void markDemo() {
        PgReads.markDemo(this);
    }

    @Override
    public boolean isDemo() {
        return PgReads.isDemo(this);
    }

    @Override
    public Optional<String> otherThanDemo() {
        return PgReads.otherThanDemo(this);
    }

    /** Staged on a connection of its own, compared, then applied in short transactions ({@link PgImport}). */
    @Override
    public ImportOutcome runImport(boolean dryRun, boolean strict, Function<ImportSink, List<FileRead>> read) {
        return PgImport.run(this, dryRun, strict, read);
    }

    @Override
    public long readRows(RowSink sink) {
        return PgRowCopy.readRows(this, sink);
    }

    @Override
    public Optional<String> copyBlockers() {
        return PgRowCopy.copyBlockers(this);
    }

    @Override
    public void writeRows(String doing, Consumer<RowSink> load) {
        PgRowCopy.writeRows(this, doing, load);
    }

    @Override
    public Optional<String> refusesNulInText() {
        return Optional.of("PostgreSQL");
    }

    @Override
    public long forEachExport(ExportFilter filter, Consumer<ExportRow> out) {
        return PgReads.forEachExport(this, filter, out);
    }

    @Override
    public long confirmPushed(ExportFilter unpushed, long throughDecision, Set<String> except) {
        return PgReads.confirmPushed(this, unpushed, throughDecision, except);
    }

    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection conn) throws SQLException;
    }

    /** Raw JDBC work in one transaction of its own (bulk loads, copies, push marks): all or nothing, retried. */
    <T> T transaction(String doing, ConnectionWork<T> work) {
        try {
            return retry.run(address.shown(), doing, () -> {
                conn.setAutoCommit(false);
                boolean done = false;
                try {
                    T result = work.run(conn);
                    conn.commit();
                    done = true;
                    return result;
                } catch (PgWriteTransaction.UncheckedSql e) {
                    throw e.getCause();
                } finally {
                    if (!done) {
                        rollbackQuietly();
                    }
                    restoreAutoCommit();
                }
            });
        } catch (SQLException e) {
            throw PgErrors.translate(address, doing, e);
        }
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the connection is gone or nothing was started; nothing is left to undo
        }
    }

    private void restoreAutoCommit() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the next statement reports it
        }
    }

    private void update(String doing, String sql, Object... params) {
        sql(doing, () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                PgRows.bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    <T> Optional<T> queryOne(String doing, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = queryList(doing, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> List<T> queryList(String doing, String sql, RowMapper<T> mapper, Object... params) {
        return sql(doing, () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                PgRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        });
    }

    <T> T sql(String doing, PgWriteTransaction.SqlCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw PgErrors.translate(address, doing, e);
        } catch (PgWriteTransaction.UncheckedSql e) {
            throw PgErrors.translate(address, doing, e.getCause());
        }
    }

    /** Retries done by this process so far (serialization failures and deadlocks). */
    public static long retriesSoFar() {
        return PgRetry.RETRIES.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (watcher != null) {
                watcher.close();
                watcher = null;
            }
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing a connection that failed to open fully; nothing to recover
        }
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A live result set as an iterator; valid only inside the transaction that opened it. */
    private static final class RowIterator<T> implements Iterator<T> {
        private final ResultSet rs;
        private final RowMapper<T> mapper;
        private Boolean hasNext;

        RowIterator(ResultSet rs, RowMapper<T> mapper) {
            this.rs = rs;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rs.next();
                } catch (SQLException e) {
                    throw new PgWriteTransaction.UncheckedSql(e);
                }
            }
            return hasNext;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                return mapper.map(rs);
            } catch (SQLException e) {
                throw new PgWriteTransaction.UncheckedSql(e);
            }
        }
    }

    // ---- Rules, word lists and holds (issue 12): regular expressions and word lists are matched in Java (PgQuery)

    @Override
    public dev.modq.store.AccessStore access() {
        return new dev.modq.store.jdbc.JdbcAccess(new PgAccess(this));
    }

    @Override
    public dev.modq.store.ScoreStore scores() {
        return new dev.modq.store.jdbc.JdbcScores(new PgAccess(this));
    }

    @Override
    public java.util.List<dev.modq.core.rules.Rule> rules() {
        return sql("reading the rules", () -> PgRules.rules(conn));
    }

    @Override
    public Map<String, Integer> wordLists() {
        return sql("reading the word lists", () -> PgRules.wordLists(conn));
    }

    @Override
    public Optional<java.util.List<String>> words(String list) {
        return sql("reading word list " + list, () -> dev.modq.store.jdbc.WordListSql.words(conn, list));
    }

    @Override
    public Map<Long, String> holds(java.util.Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return sql("reading held comments", () -> PgRules.holds(conn, commentIds));
    }

    @Override
    public long forEachMatch(Query query, dev.modq.store.IdVersionSink each) {
        return PgReads.forEachIdVersion(this, query, "c.id", 0, each);
    }

    @Override
    public long forEachMatchNewestFirst(Query query, long limit, dev.modq.store.IdVersionSink each) {
        return PgReads.forEachIdVersion(this, query, "c.id DESC", limit, each);
    }

    @Override
    public java.util.List<dev.modq.store.AutoDecisionStats> autoDecisionStats() {
        return sql("reading what modq auto decided", () -> PgRules.autoDecisionStats(conn));
    }

    /** Fails now, in one line, when the query names a word list the database does not have (before any output). */
    @Override
    public void requireWordLists(Query query) {
        if (!query.listNames().isEmpty()) {
            read("reading word lists", () -> PgQuery.of(conn, query));
        }
    }

    @Override
    public Map<Status, Long> countByStatus(Query query) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        if (!query.hasJavaTerms()) {
            SqlFragment where = PgQuerySql.where(query, clock.instant());
            queryList("counting comments by status", "SELECT c.status, count(*) FROM comments c WHERE " + where.sql()
                            + " GROUP BY c.status", rs -> Map.entry(Status.parse(rs.getString(1)), rs.getLong(2)),
                    where.params().toArray()).forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        }
        PgReads.streamMatches(this, "counting comments by status", query, 0, q -> {
            SqlFragment where = q.where(clock.instant());
            return new SqlFragment("SELECT c.status" + q.columns() + " FROM comments c WHERE " + where.sql(), where.params());
        }, rs -> counts.merge(Status.parse(rs.getString(1)), 1L, Long::sum));
        return counts;
    }
}
