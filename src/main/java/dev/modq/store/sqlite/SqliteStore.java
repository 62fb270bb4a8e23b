package dev.modq.store.sqlite;

import dev.modq.store.sql.SqlFragment;
import dev.modq.store.sql.QuerySql;
import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.AuthorHistory;
import dev.modq.core.BatchSummary;
import dev.modq.core.ChainPin;
import dev.modq.core.ChainProblem;
import dev.modq.core.Comment;
import dev.modq.core.ListedComment;
import dev.modq.core.Moderator;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.Role;
import dev.modq.core.Stats;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportRow;
import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;
import dev.modq.store.AuditFilter;
import dev.modq.store.BackupResult;
import dev.modq.store.AccessStore;
import dev.modq.store.ChangeWatcher;
import dev.modq.store.CheckReport;
import dev.modq.store.ImportOutcome;
import dev.modq.store.ListOrder;
import dev.modq.store.OpenMode;
import dev.modq.store.PageRequest;
import dev.modq.store.ScoreStore;
import dev.modq.store.Store;
import dev.modq.store.IdVersionSink;
import dev.modq.store.StoreException;
import dev.modq.core.rules.Rule;
import dev.modq.store.UnknownWordListException;
import dev.modq.store.StoreReadOnlyException;
import dev.modq.store.WriteTransaction;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The SQLite store: one connection, WAL, synchronous FULL, foreign keys on, a busy timeout. */
public final class SqliteStore implements Store {

    /** How long a writer waits for another writer's lock before giving up with a clear message. */
    public static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

    private static final int DEFAULT_CACHE_KIB = 16 * 1024;
    private static final int BULK_CACHE_KIB = 512 * 1024;

    private final Path path;
    private final Connection conn;
    private final boolean writable;
    private final int busyTimeoutMs;
    private final Clock clock;
    private final WordListCache wordLists = new WordListCache();

    private SqliteStore(Path path, Connection conn, boolean writable, int busyTimeoutMs, Clock clock) {
        this.path = path;
        this.conn = conn;
        this.writable = writable;
        this.busyTimeoutMs = busyTimeoutMs;
        this.clock = clock;
        try {
            SqlFunctions.registerWordLists(conn, wordLists);
        } catch (SQLException e) {
            throw SqliteErrors.translate(path, "opening the database", e, busyTimeoutMs);
        }
    }

    /** Fails now, in one line, when the query names a word list the database does not have (before any output). */
    public void requireWordLists(Query query) {
        where(query);
    }

    /**
     * The WHERE fragment of a query, with the word lists it names read first: an unknown list fails here, in one
     * line, before any row is read.
     */
    SqlFragment where(Query query) {
        if (!query.listNames().isEmpty()) {
            List<String> missing = sql("reading word lists", () -> wordLists.load(conn, query));
            if (!missing.isEmpty()) {
                throw new UnknownWordListException(missing.get(0));
            }
        }
        return QuerySql.where(query, clock.instant());
    }

    public static SqliteStore open(Path path, OpenMode mode) {
        return open(path, mode, busyTimeoutFromEnvironment(), Clock.systemUTC());
    }

    public static SqliteStore open(Path path, OpenMode mode, int busyTimeoutMs, Clock clock) {
        boolean writable = DatabaseFile.prepare(path, mode);
        return open(path, writable, busyTimeoutMs, clock);
    }

    /** Opens an existing database for reading only, whatever the file permissions (verifying a backup copy). */
    public static SqliteStore openReadOnly(Path path) {
        DatabaseFile.prepare(path, OpenMode.EXISTING);
        return open(path, false, busyTimeoutFromEnvironment(), Clock.systemUTC());
    }

    private static SqliteStore open(Path path, boolean writable, int busyTimeoutMs, Clock clock) {
        Connection conn = connect(path, writable, busyTimeoutMs);
        SqliteStore store = new SqliteStore(path, conn, writable, busyTimeoutMs, clock);
        try {
            store.requireModqDatabase();
            store.sql("upgrading the schema", () -> new Migrator(MigrationSource.bundled())
                    .migrate(conn, path.toString(), writable));
            if (writable) {
                store.applyTestPageLimit();
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A second connection to this same, already opened database (the text UI writes on one off its key loop). It
     * skips {@link #open}'s file checks on purpose: they read the file through Java I/O, and closing that stream drops
     * every POSIX lock this process holds on the file, SQLite's own included; another process closing the database
     * then believes it is the last one and deletes the WAL with our committed writes in it
     * (sqlite.org/howtocorrupt.html, section 2.2).
     */
    @Override
    public SqliteStore openAnother(int busyTimeoutMs) {
        return new SqliteStore(path, connect(path, writable, busyTimeoutMs), writable, busyTimeoutMs, clock);
    }

    public SqliteStore openAnother() {
        return openAnother(busyTimeoutMs);
    }

    /**
     * Test-only: {@code -Dmodq.test.maxPageCount=N} caps the database at N pages (at least its current size) so a
     * test can make the "disk" full. Never set in production.
     */
    private void applyTestPageLimit() {
        String limit = System.getProperty(TEST_MAX_PAGE_COUNT);
        if (limit == null || limit.isBlank()) {
            return;
        }
        exec("limiting the database size (test)", "PRAGMA max_page_count = " + Long.parseLong(limit.trim()));
    }

    /** Test-only system property: see {@link #applyTestPageLimit}. */
    public static final String TEST_MAX_PAGE_COUNT = "modq.test.maxPageCount";

    /** System property overriding {@code MODQ_BUSY_TIMEOUT_MS} (tests use it to wait briefly). */
    public static final String BUSY_TIMEOUT_PROPERTY = "modq.busyTimeoutMs";

    /** The schema version this program brings; databases newer than this are refused. */
    public static int bundledSchemaVersion() {
        return new Migrator(MigrationSource.bundled()).latestVersion();
    }

    /** The busy timeout configured by {@code -Dmodq.busyTimeoutMs}, else {@code MODQ_BUSY_TIMEOUT_MS}, else 5 s. */
    public static int busyTimeoutFromEnvironment() {
        String source = "-D" + BUSY_TIMEOUT_PROPERTY;
        String configured = System.getProperty(BUSY_TIMEOUT_PROPERTY);
        if (configured == null || configured.isBlank()) {
            source = "MODQ_BUSY_TIMEOUT_MS";
            configured = System.getenv("MODQ_BUSY_TIMEOUT_MS");
        }
        if (configured == null || configured.isBlank()) {
            return DEFAULT_BUSY_TIMEOUT_MS;
        }
        try {
            return Math.max(0, Integer.parseInt(configured.trim()));
        } catch (NumberFormatException e) {
            throw new StoreException(source + " must be a number of milliseconds, not '" + configured + "'");
        }
    }

    private static Connection connect(Path path, boolean writable, int busyTimeoutMs) {
        NativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMs);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // Nothing reads generated keys; fetching them runs an extra query after every INSERT and UPDATE,
        // which doubled the cost of a 100,000-comment decision.
        config.setGetGeneratedKeys(false);
        config.setCacheSize(-DEFAULT_CACHE_KIB);
        if (writable) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        } else {
            config.setReadOnly(true);
        }
        try {
            Connection conn = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
            SqlFunctions.register(conn);
            return conn;
        } catch (SQLException e) {
            throw writable ? SqliteErrors.translate(path, "opening the database", e, busyTimeoutMs)
                    : SqliteErrors.translateReadOnlyOpen(path, "opening the database", e, busyTimeoutMs);
        }
    }

    /** A SQLite file with tables but no migration history belongs to another program: never touch it. */
    private void requireModqDatabase() {
        boolean foreign = sqlOpening("reading the schema", () -> {
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
                rs.next();
                return rs.getInt(1) > 0 && !Migrator.tableExists(conn, "schema_migrations");
            }
        });
        if (foreign) {
            throw new StoreException(path + " is a SQLite database but not a modq database (no schema_migrations table):"
                    + " choose another --db");
        }
    }

    /** The database file. */
    public Path path() {
        return path;
    }

    @Override
    public String address() {
        return path.toString();
    }

    @Override
    public boolean writable() {
        return writable;
    }

    Connection connection() {
        return conn;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public Optional<Comment> comment(long id) {
        return queryOne("reading comment " + id, "SELECT " + Rows.COMMENT_COLUMNS + " FROM comments c WHERE c.id = ?",
                Rows::comment, id);
    }

    @Override
    public Optional<Post> post(long id) {
        return queryOne("reading post " + id, "SELECT " + Rows.POST_COLUMNS + " FROM posts WHERE id = ?", Rows::post, id);
    }

    @Override
    public List<QueueRow> page(PageRequest request) {
        where(request.query());  // loads its word lists
        QueuePageSql page = QueuePageSql.of(request, clock.instant());
        List<QueueRow> rows = queryList("reading the queue", page.sql(), Rows::queueRow, page.params().toArray());
        if (page.reversed()) {
            Collections.reverse(rows);
        }
        return rows;
    }

    @Override
    public long count(Query query) {
        SqlFragment where = where(query);
        // no join: a status-only count is answered from the status index alone
        String sql = "SELECT count(*) FROM comments c WHERE " + where.sql();
        return queryOne("counting comments", sql, rs -> rs.getLong(1), where.params().toArray()).orElse(0L);
    }

    @Override
    public long countUpTo(Query query, long limit) {
        SqlFragment where = where(query);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit + 1);
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments c WHERE " + where.sql() + " LIMIT ?)";
        return queryOne("counting comments", sql, rs -> rs.getLong(1), params.toArray()).orElse(0L);
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
        String sql = byEmail
                ? "SELECT status, count(*) FROM comments WHERE author_email = ? AND id <> ? GROUP BY status"
                : "SELECT status, count(*) FROM comments WHERE author_name = ? AND id <> ? GROUP BY status";
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
        // one bounded range of the (author, status) index per status, so the cost never grows past 4 x cap
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments WHERE "
                + (byEmail ? "author_email" : "author_name") + " = ? AND status = ? AND id <> ? LIMIT ?)";
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
        return queryList("reading the audit log", "SELECT " + Rows.AUDIT_COLUMNS
                + " FROM audit_log WHERE comment_id = ? ORDER BY id", Rows::audit, commentId);
    }

    @Override
    public Map<String, String> commentMeta(long commentId, int limit) {
        Map<String, String> meta = new LinkedHashMap<>();
        queryList("reading the comment's meta", "SELECT meta_key, meta_value FROM comment_meta WHERE comment_id = ?"
                + " ORDER BY meta_key LIMIT ?", rs -> new String[]{rs.getString(1), rs.getString(2)},
                commentId, limit).forEach(pair -> meta.put(pair[0], pair[1]));  // values may be NULL
        return meta;
    }

    @Override
    public AccessStore access() {
        return new dev.modq.store.jdbc.JdbcAccess(new SqliteAccess(this));
    }

    @Override
    public ChangeWatcher changes() {
        return this::dataVersion;
    }

    /** Changes whenever another connection commits (PRAGMA data_version): cheap polling for the UI. */
    public long dataVersion() {
        return queryOne("polling for changes", "PRAGMA data_version", rs -> rs.getLong(1)).orElse(0L);
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
                "SELECT name, role, created_at, disabled FROM moderators WHERE name = ?", Rows::moderator, name);
    }

    @Override
    public List<Moderator> moderators() {
        return queryList("reading moderators", "SELECT name, role, created_at, disabled FROM moderators ORDER BY name",
                Rows::moderator);
    }

    @Override
    public void putModerator(String name, Role role) {
        update("adding moderator " + name, "INSERT INTO moderators (name, role, created_at, disabled) VALUES (?, ?, ?, 0)"
                + " ON CONFLICT(name) DO UPDATE SET role = excluded.role, disabled = 0",
                name, role.label(), clock.instant().getEpochSecond());
    }

    @Override
    public void setModeratorDisabled(String name, boolean disabled) {
        update("changing moderator " + name, "UPDATE moderators SET disabled = ? WHERE name = ?", disabled ? 1 : 0, name);
    }

    @Override
    public boolean hasModerators() {
        return queryOne("reading moderators", "SELECT EXISTS (SELECT 1 FROM moderators)", rs -> rs.getInt(1) != 0)
                .orElse(false);
    }

    @Override
    public Optional<String> setting(String key) {
        return queryOne("reading setting " + key, "SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void putSetting(String key, String value) {
        update("saving setting " + key, "INSERT INTO settings (key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    @Override
    public List<Rule> rules() {
        return sql("reading the rules", () -> SqliteRules.rules(conn));
    }

    @Override
    public Map<String, Integer> wordLists() {
        return sql("reading the word lists", () -> SqliteRules.wordLists(conn));
    }

    @Override
    public Optional<List<String>> words(String list) {
        return sql("reading word list " + list, () -> SqliteRules.words(conn, list));
    }

    @Override
    public Map<Long, String> holds(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return sql("reading held comments", () -> SqliteRules.holds(conn, commentIds));
    }

    @Override
    public long forEachMatch(Query query, IdVersionSink each) {
        return CommentStream.forEachIdVersion(this, query, each::accept);
    }

    @Override
    public long forEachMatchNewestFirst(Query query, long limit, IdVersionSink each) {
        return CommentStream.forEachIdVersion(this, query, "c.id DESC", limit, each::accept);
    }

    @Override
    public List<dev.modq.store.AutoDecisionStats> autoDecisionStats() {
        return sql("reading the automatic moderator's decisions", () -> SqliteRules.autoDecisionStats(conn));
    }

    @Override
    public Map<Status, Long> countByStatus(Query query) {
        SqlFragment where = where(query);
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        queryList("counting comments by status", "SELECT c.status, count(*) FROM comments c WHERE " + where.sql()
                        + " GROUP BY c.status", rs -> Map.entry(Status.parse(rs.getString(1)), rs.getLong(2)),
                where.params().toArray()).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public <T> T write(String doing, Function<WriteTransaction, T> work) {
        requireWritable(doing);
        SqliteWriteTransaction tx = new SqliteWriteTransaction(conn, clock, this);
        exec(doing, "BEGIN IMMEDIATE");
        boolean done = false;
        try {
            T result = work.apply(tx);
            tx.closeStatements();
            exec("committing", tx.rollbackOnly() ? "ROLLBACK" : "COMMIT");
            done = true;
            return result;
        } catch (SqliteWriteTransaction.UncheckedSql e) {
            throw SqliteErrors.translate(path, doing, e.getCause(), busyTimeoutMs);
        } finally {
            if (!done) {
                tx.closeStatements();
                rollbackQuietly();
            }
        }
    }

    /**
     * Runs JDBC work that must happen inside one transaction of its own (bulk writers like import and demo).
     * The page cache is enlarged meanwhile: with SQLite's default 2 MB, a million-row load spills index pages
     * to the WAL over and over and spends most of its time in I/O.
     */
    <T> T writeRaw(String doing, SqlWork<T> work) {
        requireWritable(doing);
        exec("sizing the page cache", "PRAGMA cache_size = -" + BULK_CACHE_KIB);
        exec("starting a write transaction", "BEGIN IMMEDIATE");
        boolean done = false;
        try {
            T result = sql(doing, work);
            exec("committing", "COMMIT");
            done = true;
            return result;
        } finally {
            if (!done) {
                rollbackQuietly();
            }
            exec("sizing the page cache", "PRAGMA cache_size = -" + DEFAULT_CACHE_KIB);
        }
    }

    /** Bulk writers use the raw connection inside {@link #writeRaw}. */
    Connection rawConnection() {
        return conn;
    }

    private void requireWritable(String doing) {
        if (!writable) {
            throw new StoreReadOnlyException("database " + path + " is read-only for you, so " + doing
                    + " is not possible: you can browse; " + FileAccess.writeAdvice(path, FileAccess.onReadOnlyFileSystem(path)));
        }
    }

    private void rollbackQuietly() {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite rolls back by itself on some errors; nothing is left to undo then
        }
    }

    private void exec(String doing, String sql) {
        sql(doing, () -> {
            try (Statement st = conn.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    private void update(String doing, String sql, Object... params) {
        requireWritable(doing);
        sql(doing, () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    private <T> Optional<T> queryOne(String doing, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = queryList(doing, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> queryList(String doing, String sql, RowMapper<T> mapper, Object... params) {
        return sql(doing, () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                bind(ps, params);
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

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Like {@link #sql}, for the first reads after opening, where a read-only WAL database may fail to open. */
    private <T> T sqlOpening(String doing, SqlWork<T> work) {
        if (writable) {
            return sql(doing, work);
        }
        try {
            return work.run();
        } catch (SQLException e) {
            throw SqliteErrors.translateReadOnlyOpen(path, doing, e, busyTimeoutMs);
        }
    }

    /** Runs reads in one read transaction: everything they see is one snapshot, whatever others commit meanwhile. */
    <T> T read(String doing, SqlWork<T> work) {
        exec("starting a read transaction", "BEGIN DEFERRED");
        boolean done = false;
        try {
            T result = sql(doing, work);
            exec("ending a read transaction", "COMMIT");
            done = true;
            return result;
        } catch (SqliteWriteTransaction.UncheckedSql e) {
            throw SqliteErrors.translate(path, doing, e.getCause(), busyTimeoutMs);
        } finally {
            if (!done) {
                rollbackQuietly();
            }
        }
    }

    @Override
    public <T> T readAuditLog(long fromId, Function<Iterator<AuditEntry>, T> reader) {
        return read("reading the audit log", () -> {
            try (AuditCursor cursor = new AuditCursor(conn, fromId)) {
                return reader.apply(cursor);
            }
        });
    }

    @Override
    public Optional<ChainProblem> verifyAuditChain() {
        return readAuditLog(0, AuditChain::verify);
    }

    @Override
    public long forEachListed(Query query, ListOrder order, long limit, Consumer<ListedComment> each) {
        return CommentStream.forEach(this, query, order, limit, each);
    }

    @Override
    public long forEachIdVersion(Query query, IdVersionConsumer each) {
        return CommentStream.forEachIdVersion(this, query, each);
    }

    @Override
    public Stats stats(int topPosts, int days) {
        return StatsQueries.stats(this, topPosts, days);
    }

    @Override
    public long forEachAudit(AuditFilter filter, Consumer<AuditEntry> each) {
        return AuditLogReader.forEach(this, filter, each);
    }

    @Override
    public ChainPin auditHead() {
        return AuditLogReader.head(this);
    }

    @Override
    public CheckReport check() {
        return HealthCheck.run(this);
    }

    @Override
    public Optional<BackupResult> backup(Path file) {
        return Optional.of(Backup.copy(this, file));
    }

    @Override
    public int schemaVersion() {
        return queryOne("reading the schema version", "SELECT coalesce(max(version), 0) FROM schema_migrations",
                rs -> rs.getInt(1)).orElse(0);
    }

    @Override
    public void bulkLoad(String doing, Consumer<Sink> load) {
        BulkWriter.load(this, doing, writer -> {
            try {
                load.accept(writer.asSink());
            } catch (BulkWriter.UncheckedSql e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public void markDemo() {
        DemoDatabase.markMade(this);
    }

    @Override
    public boolean isDemo() {
        return DemoDatabase.isMarked(this);
    }

    @Override
    public Optional<String> otherThanDemo() {
        return DemoDatabase.otherThanDemo(this);
    }

    @Override
    public ImportOutcome runImport(boolean dryRun, boolean strict, Function<ImportSink, List<FileRead>> read) {
        return SqliteImport.run(this, dryRun, strict, read);
    }

    @Override
    public long readRows(RowSink sink) {
        return SqliteRowCopy.readRows(this, sink);
    }

    @Override
    public Optional<String> copyBlockers() {
        return SqliteRowCopy.copyBlockers(this);
    }

    @Override
    public void writeRows(String doing, Consumer<RowSink> load) {
        SqliteRowCopy.writeRows(this, doing, load);
    }

    @Override
    public long forEachExport(ExportFilter filter, Consumer<ExportRow> out) {
        return SqliteExport.forEach(this, filter, out);
    }

    @Override
    public long confirmPushed(ExportFilter unpushed, long throughDecision, Set<String> except) {
        return SqlitePushMarks.confirm(this, unpushed, throughDecision, except);
    }

    <T> T sql(String doing, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw SqliteErrors.translate(path, doing, e, busyTimeoutMs);
        }
    }

    @Override
    public ScoreStore scores() {
        return new dev.modq.store.jdbc.JdbcScores(new SqliteAccess(this));
    }

    @Override
    public void close() {
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
}
