package dev.modq.store.sqlite;

import dev.modq.io.ImportCounts;
import dev.modq.io.ImportSink;
import dev.modq.io.ImportedComment;
import dev.modq.io.ImportedPost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Where an import's records go while the files are read: a private SQLite file of its own (in the temporary
 * directory), so that reading, however slow the input, holds no lock on the moderators' database. When every
 * file has been read, {@link #seal} keeps the last occurrence of each comment and merges each post's known fields;
 * {@link dev.modq.store.jdbc.ImportApply} then applies that set-based, in short transactions.
 */
final class ImportStaging implements ImportSink, AutoCloseable {

    private static final int BATCH = 1_000;

    private final Path file;
    private final Connection conn;
    private final PreparedStatement post;
    private final PreparedStatement comment;
    private final PreparedStatement meta;
    private int fileIndex = -1;
    private long seq;
    private int pending;

    private ImportStaging(Path file, Connection conn) throws SQLException {
        this.file = file;
        this.conn = conn;
        post = conn.prepareStatement("INSERT INTO post_in (seq, file, sys, sid, title, url, author, published_at,"
                + " standalone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        comment = conn.prepareStatement("INSERT INTO comment_in (seq, file, place, sys, sid, post_sid, parent_sid,"
                + " author_name, author_email, author_url, author_ip, user_agent, body, kind, created_at, status, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        meta = conn.prepareStatement("INSERT INTO meta_in (seq, key, value) VALUES (?, ?, ?)");
    }

    static ImportStaging create() throws SQLException {
        NativeLibrary.prepare();
        Path file;
        try {
            file = Files.createTempFile("modq-import-", ".db");
        } catch (IOException e) {
            throw new SQLException("cannot create a staging file in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage(), e);
        }
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode = OFF");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA cache_size = -32768");
            st.execute("CREATE TABLE post_in (seq INTEGER PRIMARY KEY, file INTEGER NOT NULL, sys TEXT NOT NULL,"
                    + " sid TEXT NOT NULL, title TEXT, url TEXT, author TEXT, published_at INTEGER, standalone INTEGER NOT NULL)");
            st.execute("CREATE TABLE comment_in (seq INTEGER PRIMARY KEY, file INTEGER NOT NULL, place TEXT,"
                    + " sys TEXT NOT NULL, sid TEXT NOT NULL, post_sid TEXT NOT NULL, parent_sid TEXT, author_name TEXT,"
                    + " author_email TEXT, author_url TEXT, author_ip TEXT, user_agent TEXT, body TEXT, kind TEXT,"
                    + " created_at INTEGER, status TEXT, reason TEXT)");
            st.execute("CREATE TABLE meta_in (seq INTEGER NOT NULL, key TEXT NOT NULL, value TEXT)");
            st.execute("BEGIN");
        }
        return new ImportStaging(file, conn);
    }

    Path file() {
        return file;
    }

    /** The last staging sequence number handed out (comments and posts share the sequence). */
    long maxSeq() {
        return seq;
    }

    @Override
    public void countInto(ImportCounts counts) {
        fileIndex++;
    }

    @Override
    public void post(ImportedPost p) {
        run(() -> {
            SqliteStore.bind(post, ++seq, fileIndex, p.sourceSystem(), p.sourceId(), p.title(), p.url(), p.author(),
                    p.publishedAt() == null ? null : p.publishedAt().getEpochSecond(), p.standalone() ? 1 : 0);
            post.addBatch();
            return null;
        });
        flushSometimes();
    }

    @Override
    public void comment(ImportedComment c) {
        run(() -> {
            long at = ++seq;
            SqliteStore.bind(comment, at, fileIndex, c.place(), c.sourceSystem(), c.sourceId(), c.postSourceId(),
                    c.parentSourceId(), c.authorName(), c.authorEmail(), c.authorUrl(), c.authorIp(), c.userAgent(),
                    c.body(), c.kind() == null ? null : c.kind().label(),
                    c.createdAt() == null ? null : c.createdAt().getEpochSecond(),
                    c.status() == null ? null : c.status().label(), c.reason());
            comment.addBatch();
            for (Map.Entry<String, String> m : c.meta().entrySet()) {
                SqliteStore.bind(meta, at, m.getKey(), m.getValue());
                meta.addBatch();
            }
            return null;
        });
        flushSometimes();
    }

    @Override
    public void skipped(String why) {
        // counted by the parser's ImportCounts; nothing to stage
    }

    private void flushSometimes() {
        if (++pending >= BATCH) {
            run(() -> {
                flush();
                return null;
            });
        }
    }

    private void flush() throws SQLException {
        post.executeBatch();
        comment.executeBatch();
        meta.executeBatch();
        pending = 0;
    }

    /** Ends loading: one row per post (known fields merged, later ones winning) and per comment (the last one). */
    long seal() throws SQLException {
        flush();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE INDEX post_in_key ON post_in (sys, sid, seq)");
            st.execute("CREATE TABLE post_final AS SELECT k.sys, k.sid, k.file, k.standalone,"
                    + latest("title") + ", " + latest("url") + ", " + latest("author") + ", " + latest("published_at")
                    + " FROM (SELECT sys, sid, file, max(standalone) AS standalone, max(seq) AS seq FROM post_in"
                    + " GROUP BY sys, sid) k");
            st.execute("CREATE TABLE comment_final AS SELECT * FROM comment_in WHERE seq IN"
                    + " (SELECT max(seq) FROM comment_in GROUP BY sys, sid)");
            st.execute("CREATE UNIQUE INDEX comment_final_key ON comment_final (sys, sid)");
            st.execute("CREATE INDEX comment_final_post ON comment_final (sys, post_sid)");
            st.execute("CREATE UNIQUE INDEX comment_final_seq ON comment_final (seq)");
            st.execute("CREATE UNIQUE INDEX post_final_key ON post_final (sys, sid)");
            st.execute("CREATE INDEX meta_in_seq ON meta_in (seq)");
            st.execute("CREATE TABLE meta_final AS SELECT c.sys, c.sid, m.key, m.value FROM meta_in m"
                    + " JOIN comment_final c ON c.seq = m.seq");
            st.execute("CREATE INDEX meta_final_key ON meta_final (sys, sid)");
            st.execute("COMMIT");
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM comment_in)"
                    + " - (SELECT count(*) FROM comment_final)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String latest(String column) {
        return "(SELECT x." + column + " FROM post_in x WHERE x.sys = k.sys AND x.sid = k.sid AND x." + column
                + " IS NOT NULL ORDER BY x.seq DESC LIMIT 1) AS " + column;
    }

    private static void run(SqlWork<Void> work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new StagingSqlException(e);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans the directory
        }
    }

    /** Carries a SQLException through the parsers, which know nothing of JDBC. */
    static final class StagingSqlException extends RuntimeException {
        StagingSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
