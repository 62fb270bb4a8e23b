package dev.modq.store.postgresql;

import dev.modq.io.ImportCounts;
import dev.modq.io.ImportSink;
import dev.modq.io.ImportedComment;
import dev.modq.io.ImportedPost;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Where an import's records go on PostgreSQL while the files are read: TEMP tables of the import's own connection,
 * filled by COPY, so reading (however slow the input) holds no lock and no transaction on the real tables. When every
 * file has been read, {@link #seal} keeps the last occurrence of each comment and merges each post's known fields
 * into post_final, comment_final and meta_final, which {@link dev.modq.store.jdbc.ImportApply} compares and applies
 * (as {@code pg_temp.}). PostgreSQL text cannot hold NUL: a field with one gets U+FFFD in its place, and the file's
 * report says how many fields did.
 */
final class PgImportStaging implements ImportSink {

    /** Records buffered before they are copied in. */
    private static final int BATCH = 5_000;

    private static final String POST_COLUMNS = "seq, file, sys, sid, title, url, author, published_at, standalone";
    private static final String COMMENT_COLUMNS = "seq, file, place, sys, sid, post_sid, parent_sid, author_name,"
            + " author_email, author_url, author_ip, user_agent, body, kind, created_at, status, reason";

    private final Connection conn;
    private final CopyManager copy;
    private final StringBuilder posts = new StringBuilder();
    private final StringBuilder comments = new StringBuilder();
    private final StringBuilder meta = new StringBuilder();
    private int fileIndex = -1;
    private ImportCounts counts;
    private long nulFields;
    private long seq;
    private int pending;

    private PgImportStaging(Connection conn) throws SQLException {
        this.conn = conn;
        this.copy = conn.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Makes the staging tables on {@code conn}, a connection of the import's own (they live as long as it). */
    static PgImportStaging create(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("SET temp_buffers = '64MB'");
            st.execute("CREATE TEMP TABLE post_in (seq bigint NOT NULL, file integer NOT NULL, sys text NOT NULL,"
                    + " sid text NOT NULL, title text, url text, author text, published_at bigint, standalone integer NOT NULL)");
            st.execute("CREATE TEMP TABLE comment_in (seq bigint NOT NULL, file integer NOT NULL, place text,"
                    + " sys text NOT NULL, sid text NOT NULL, post_sid text NOT NULL, parent_sid text, author_name text,"
                    + " author_email text, author_url text, author_ip text, user_agent text, body text, kind text,"
                    + " created_at bigint, status text, reason text)");
            st.execute("CREATE TEMP TABLE meta_in (seq bigint NOT NULL, key text NOT NULL, value text)");
        }
        return new PgImportStaging(conn);
    }

    /** The last staging sequence number handed out (comments and posts share the sequence). */
    long maxSeq() {
        return seq;
    }

    @Override
    public void countInto(ImportCounts next) {
        noteNul();
        fileIndex++;
        counts = next;
    }

    @Override
    public void post(ImportedPost p) {
        row(posts, ++seq, fileIndex, p.sourceSystem(), p.sourceId(), p.title(), p.url(), p.author(),
                p.publishedAt() == null ? null : p.publishedAt().getEpochSecond(), p.standalone() ? 1 : 0);
        flushSometimes();
    }

    @Override
    public void comment(ImportedComment c) {
        long at = ++seq;
        row(comments, at, fileIndex, c.place(), c.sourceSystem(), c.sourceId(), c.postSourceId(), c.parentSourceId(),
                c.authorName(), c.authorEmail(), c.authorUrl(), c.authorIp(), c.userAgent(), c.body(),
                c.kind() == null ? null : c.kind().label(), c.createdAt() == null ? null : c.createdAt().getEpochSecond(),
                c.status() == null ? null : c.status().label(), c.reason());
        for (Map.Entry<String, String> m : c.meta().entrySet()) {
            row(meta, at, m.getKey(), m.getValue());
        }
        flushSometimes();
    }

    @Override
    public void skipped(String why) {
        // counted by the parser's ImportCounts; nothing to stage
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes, NUL as U+FFFD. */
    private void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object f = fields[i];
            if (f == null) {
                out.append("\\N");
            } else if (f instanceof String s) {
                text(out, s);
            } else {
                out.append(f);
            }
        }
        out.append('\n');
    }

    private void text(StringBuilder out, String s) {
        boolean hadNul = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> {
                    out.append('\uFFFD');
                    hadNul = true;
                }
                default -> out.append(ch);
            }
        }
        if (hadNul) {
            nulFields++;
        }
    }

    private void noteNul() {
        if (counts != null && nulFields > 0) {
            counts.note(nulFields + " text field(s) held the NUL character, which PostgreSQL cannot store:"
                    + " U+FFFD stands in its place");
        }
        nulFields = 0;
    }

    private void flushSometimes() {
        if (++pending >= BATCH) {
            try {
                flush();
            } catch (SQLException e) {
                throw new PgWriteTransaction.UncheckedSql(e);
            }
        }
    }

    private void flush() throws SQLException {
        copyIn("post_in (" + POST_COLUMNS + ")", posts);
        copyIn("comment_in (" + COMMENT_COLUMNS + ")", comments);
        copyIn("meta_in (seq, key, value)", meta);
        pending = 0;
    }

    private void copyIn(String table, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("copying the import into its staging tables: " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    /** Ends loading: one row per post (known fields merged, later ones winning) and per comment (the last one). */
    long seal() throws SQLException {
        flush();
        noteNul();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE post_final AS SELECT sys, sid, (array_agg(file ORDER BY seq DESC))[1] AS file,"
                    + " max(standalone) AS standalone, " + latest("title") + ", " + latest("url") + ", "
                    + latest("author") + ", " + latest("published_at") + " FROM post_in GROUP BY sys, sid");
            st.execute("CREATE TEMP TABLE comment_final AS SELECT DISTINCT ON (sys, sid) * FROM comment_in"
                    + " ORDER BY sys, sid, seq DESC");
            st.execute("CREATE UNIQUE INDEX comment_final_key ON comment_final (sys, sid)");
            st.execute("CREATE INDEX comment_final_post ON comment_final (sys, post_sid)");
            st.execute("CREATE INDEX comment_final_parent ON comment_final (sys, parent_sid)");
            st.execute("CREATE UNIQUE INDEX comment_final_seq ON comment_final (seq)");
            st.execute("CREATE UNIQUE INDEX post_final_key ON post_final (sys, sid)");
            st.execute("CREATE TEMP TABLE meta_final AS SELECT c.sys, c.sid, m.key, m.value FROM meta_in m"
                    + " JOIN comment_final c ON c.seq = m.seq");
            st.execute("CREATE INDEX meta_final_key ON meta_final (sys, sid)");
            // autovacuum never analyses TEMP tables: without this the planner guesses their sizes
            st.execute("ANALYZE comment_final, post_final, meta_final");
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM comment_in)"
                    + " - (SELECT count(*) FROM comment_final)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String latest(String column) {
        return "(array_agg(" + column + " ORDER BY seq DESC) FILTER (WHERE " + column + " IS NOT NULL))[1] AS " + column;
    }
}
