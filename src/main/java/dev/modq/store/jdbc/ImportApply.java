package dev.modq.store.jdbc;

import dev.modq.io.FileRead;
import dev.modq.io.ImportCounts;
import dev.modq.io.ImportException;
import dev.modq.io.ImportFormat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The set-based half of an import: compares the sealed staging tables (post_final, comment_final, meta_final, in
 * the schema the backend names: SQLite's attached staging file {@code s.}, PostgreSQL's session {@code pg_temp.})
 * with the database and counts what would change (read-only on the real tables: a dry run stops there), then
 * applies it with a handful of statements. A field the export did not give (NULL in staging) never overwrites a
 * stored value; an empty string given for an optional field clears it. Comments decided in modq (an audit_log row)
 * are left entirely alone.
 *
 * <p>The SQL is the same on both backends (SQLite 3.39+ spells {@code IS DISTINCT FROM}, {@code format},
 * {@code FILTER} and {@code TRUE} as PostgreSQL does); only the staging schema differs.
 */
public final class ImportApply {

    /** The title of a post made for comments whose post is in no file (yet); the real post replaces it later. */
    public static final String PLACEHOLDER_TITLE = "(unknown post %s)";

    /** Posts: the stored post {@code p} differs from the staged {@code f} in a field the export gave. */
    private static final String POST_DIFFERS = "(f.title IS NOT NULL AND f.title IS DISTINCT FROM p.title"
            + " OR f.url IS NOT NULL AND nullif(f.url, '') IS DISTINCT FROM p.url"
            + " OR f.author IS NOT NULL AND nullif(f.author, '') IS DISTINCT FROM p.author"
            + " OR f.published_at IS NOT NULL AND f.published_at IS DISTINCT FROM p.published_at)";

    private static final String MODERATED = "EXISTS (SELECT 1 FROM audit_log a WHERE a.comment_id = %s.id)";

    private static final String POST_OF_C = "(SELECT id FROM posts WHERE source_system = c.sys AND source_id = c.post_sid)";

    private final Connection conn;
    private final String staging;

    /** {@code staging}: the schema prefix of the staging tables, with its dot ({@code "s."}, {@code "pg_temp."}). */
    public ImportApply(Connection conn, String staging) {
        this.conn = conn;
        this.staging = staging;
    }

    /** Comments: the stored comment {@code e} differs from the staged {@code c} in something the export gave. */
    private static String commentDiffers(String e) {
        return ("(E.post_id IS DISTINCT FROM " + POST_OF_C
                + " OR c.author_name IS NOT NULL AND c.author_name IS DISTINCT FROM E.author_name"
                + " OR c.author_email IS NOT NULL AND nullif(c.author_email, '') IS DISTINCT FROM E.author_email"
                + " OR c.author_url IS NOT NULL AND nullif(c.author_url, '') IS DISTINCT FROM E.author_url"
                + " OR c.author_ip IS NOT NULL AND nullif(c.author_ip, '') IS DISTINCT FROM E.author_ip"
                + " OR c.user_agent IS NOT NULL AND nullif(c.user_agent, '') IS DISTINCT FROM E.user_agent"
                + " OR c.body IS NOT NULL AND c.body IS DISTINCT FROM E.body"
                + " OR c.kind IS NOT NULL AND c.kind IS DISTINCT FROM E.kind"
                + " OR c.created_at IS NOT NULL AND c.created_at IS DISTINCT FROM E.created_at"
                + " OR c.status IS NOT NULL AND (c.status IS DISTINCT FROM E.status OR nullif(c.reason, '') IS DISTINCT FROM E.reason)"
                + " OR c.parent_sid IS NOT NULL AND (EXISTS (SELECT 1 FROM comments par WHERE par.source_system = c.sys"
                + " AND par.source_id = c.parent_sid AND par.id <> E.id AND par.id IS DISTINCT FROM E.parent_id)"
                + " OR NOT EXISTS (SELECT 1 FROM comments par WHERE par.source_system = c.sys"
                + " AND par.source_id = c.parent_sid) AND EXISTS (SELECT 1 FROM {s}comment_final pf"
                + " WHERE pf.sys = c.sys AND pf.sid = c.parent_sid)))").replace("E.", e + ".");
    }

    /** Fills every file's counts; returns how many replies name a parent found nowhere. */
    public long count(List<FileRead> files, boolean strict) throws SQLException {
        for (FileRead f : files) {
            ImportCounts c = f.counts();
            c.commentsNew = c.commentsUpdated = c.commentsUnchanged = c.keptLocal = 0;
            c.postsNew = c.postsUpdated = c.orphans = 0;
        }
        dropHalfRecords();
        countPosts(files);
        countComments(files);
        listUndatedNewComments(files, strict);
        countNotInFile(files);
        noteExisting();
        return one("SELECT count(*) FROM {s}comment_final c WHERE c.parent_sid IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.source_system = c.sys AND p.source_id = c.parent_sid)"
                + " AND NOT EXISTS (SELECT 1 FROM {s}comment_final p WHERE p.sys = c.sys AND p.sid = c.parent_sid)"
                + " AND (c.created_at IS NOT NULL OR EXISTS (SELECT 1 FROM comments e WHERE e.source_system = c.sys"
                + " AND e.source_id = c.sid))");
    }

    /**
     * A JSON lines or CSV post comes with its comment's row: when no comment of that post can be imported (new and
     * undated), writing the post would be half a record.
     */
    private void dropHalfRecords() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate(q("DELETE FROM {s}post_final WHERE standalone = 0 AND NOT EXISTS (SELECT 1 FROM {s}comment_final c"
                    + " WHERE c.sys = post_final.sys AND c.post_sid = post_final.sid AND (c.created_at IS NOT NULL"
                    + " OR EXISTS (SELECT 1 FROM comments e WHERE e.source_system = c.sys AND e.source_id = c.sid)))"));
        }
    }

    private void countPosts(List<FileRead> files) throws SQLException {
        String sql = "SELECT f.file, count(*) FILTER (WHERE p.id IS NULL OR (" + POST_DIFFERS + " AND p.url IS NULL"
                + " AND p.title = format('" + PLACEHOLDER_TITLE + "', p.source_id))),"
                + " count(*) FILTER (WHERE p.id IS NOT NULL AND " + POST_DIFFERS + " AND NOT (p.url IS NULL"
                + " AND p.title = format('" + PLACEHOLDER_TITLE + "', p.source_id)))"
                + " FROM {s}post_final f LEFT JOIN posts p ON p.source_system = f.sys AND p.source_id = f.sid"
                + " GROUP BY f.file";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q(sql))) {
            while (rs.next()) {
                ImportCounts c = files.get(rs.getInt(1)).counts();
                c.postsNew = rs.getLong(2);
                c.postsUpdated = rs.getLong(3);
            }
        }
    }

    /**
     * Compares every staged comment with the database once, into {@code compared} (in staging): whether modq has
     * it, whether it was decided here, whether it differs, whether its post is nowhere. The counts and the run's
     * last step both read that instead of comparing again.
     */
    private void countComments(List<FileRead> files) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate(q("DROP TABLE IF EXISTS {s}compared"));
            st.executeUpdate(q("CREATE TABLE {s}compared AS SELECT c.seq, c.file, c.created_at, e.id AS e_id, "
                    + String.format(MODERATED, "e") + " AS moderated,"
                    + " e.id IS NOT NULL AND " + commentDiffers("e") + " AS differs,"
                    + " NOT EXISTS (SELECT 1 FROM posts p WHERE p.source_system = c.sys AND p.source_id = c.post_sid)"
                    + " AND NOT EXISTS (SELECT 1 FROM {s}post_final f WHERE f.sys = c.sys AND f.sid = c.post_sid) AS orphan"
                    + " FROM {s}comment_final c LEFT JOIN comments e ON e.source_system = c.sys AND e.source_id = c.sid"));
        }
        String sql = "SELECT file, count(*) FILTER (WHERE e_id IS NULL AND created_at IS NOT NULL),"
                + " count(*) FILTER (WHERE e_id IS NOT NULL AND moderated),"
                + " count(*) FILTER (WHERE e_id IS NOT NULL AND NOT moderated AND differs),"
                + " count(*) FILTER (WHERE e_id IS NOT NULL AND NOT moderated AND NOT differs),"
                + " count(*) FILTER (WHERE NOT coalesce(moderated, FALSE) AND (e_id IS NOT NULL OR created_at IS NOT NULL)"
                + " AND orphan) FROM {s}compared GROUP BY file";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q(sql))) {
            while (rs.next()) {
                ImportCounts c = files.get(rs.getInt(1)).counts();
                c.commentsNew = rs.getLong(2);
                c.keptLocal = rs.getLong(3);
                c.commentsUpdated = rs.getLong(4);
                c.commentsUnchanged = rs.getLong(5);
                c.orphans = rs.getLong(6);
            }
        }
    }

    /**
     * Remembers (in staging) which staged comments modq already has and may change: undecided, and different in
     * a field, a parent or a metadata value. The run's last step, which holds the write lock, then looks at those
     * only, so re-importing 100,000 unchanged comments holds moderators up for no time. (A comment a blog backend
     * edits between this comparison and that step is left as the blog wrote it, as if edited just after the import.)
     */
    private void noteExisting() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate(q("DROP TABLE IF EXISTS {s}existing"));
            st.executeUpdate(q("CREATE TABLE {s}existing AS SELECT x.seq FROM {s}compared x WHERE x.e_id IS NOT NULL"
                    + " AND NOT x.moderated AND (x.differs OR EXISTS (SELECT 1 FROM {s}comment_final c"
                    + " JOIN {s}meta_final m ON m.sys = c.sys AND m.sid = c.sid WHERE c.seq = x.seq AND NOT EXISTS"
                    + " (SELECT 1 FROM comment_meta cm WHERE cm.comment_id = x.e_id AND cm.meta_key = m.key"
                    + " AND cm.meta_value IS NOT DISTINCT FROM m.value)))"));
        }
    }

    /** A comment that is new here needs a date; a partial row may leave it out only for a comment modq has. */
    private void listUndatedNewComments(List<FileRead> files, boolean strict) throws SQLException {
        String sql = "SELECT c.file, c.place, c.sid FROM {s}comment_final c WHERE c.created_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM comments e WHERE e.source_system = c.sys AND e.source_id = c.sid)"
                + " ORDER BY c.seq";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q(sql))) {
            while (rs.next()) {
                FileRead f = files.get(rs.getInt(1));
                String line = f.file() + ":" + rs.getString(2) + ": comment " + rs.getString(3)
                        + " is new here and has no created_at";
                if (strict) {
                    throw new ImportException(line + " (--strict: nothing was imported)");
                }
                f.counts().bad(line);
            }
        }
    }

    /** WordPress never exports spam: say how many of its comments in modq the files say nothing about. */
    private void countNotInFile(List<FileRead> files) throws SQLException {
        FileRead last = null;
        for (FileRead f : files) {
            if (f.format() == ImportFormat.WXR) {
                last = f;
            }
        }
        if (last != null) {
            last.counts().notInFile = one("SELECT count(*) FROM comments e WHERE e.source_system = 'wordpress'"
                    + " AND NOT EXISTS (SELECT 1 FROM {s}comment_final c WHERE c.sys = e.source_system"
                    + " AND c.sid = e.source_id)");
        }
    }

    /** Posts of the run: new ones (tagged with the run), changed ones, placeholders for missing ones. */
    public void applyPosts(long run) throws SQLException {
        try (Statement st = conn.createStatement()) {
            timed(st, "INSERT INTO posts (title, url, author, published_at, source_system, source_id, import_run)"
                    + " SELECT coalesce(f.title, ''), nullif(f.url, ''), nullif(f.author, ''), f.published_at, f.sys, f.sid,"
                    + " " + run + " FROM {s}post_final f WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.source_system = f.sys"
                    + " AND p.source_id = f.sid)");
            timed(st, "UPDATE posts AS p SET title = coalesce(f.title, p.title),"
                    + " url = CASE WHEN f.url IS NULL THEN p.url ELSE nullif(f.url, '') END,"
                    + " author = CASE WHEN f.author IS NULL THEN p.author ELSE nullif(f.author, '') END,"
                    + " published_at = coalesce(f.published_at, p.published_at)"
                    + " FROM {s}post_final f WHERE p.source_system = f.sys AND p.source_id = f.sid AND " + POST_DIFFERS);
            timed(st, "INSERT INTO posts (title, source_system, source_id, import_run)"
                    + " SELECT format('" + PLACEHOLDER_TITLE + "', c.post_sid), c.sys, c.post_sid, " + run
                    + " FROM {s}comment_final c WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.source_system = c.sys"
                    + " AND p.source_id = c.post_sid) AND (c.created_at IS NOT NULL OR EXISTS (SELECT 1 FROM comments e"
                    + " WHERE e.source_system = c.sys AND e.source_id = c.sid)) GROUP BY c.sys, c.post_sid");
        }
    }

    /** New comments whose staging sequence is in [from, to], tagged with the run. */
    public void insertComments(long run, long from, long to) throws SQLException {
        try (Statement st = conn.createStatement()) {
            timed(st, "INSERT INTO comments (post_id, author_name, author_email, author_url, author_ip,"
                    + " user_agent, body, kind, created_at, status, reason, source_system, source_id, import_run)"
                    + " SELECT p.id, coalesce(c.author_name, ''), nullif(c.author_email, ''), nullif(c.author_url, ''),"
                    + " nullif(c.author_ip, ''), nullif(c.user_agent, ''), coalesce(c.body, ''),"
                    + " coalesce(c.kind, 'comment'), c.created_at, coalesce(c.status, 'pending'), nullif(c.reason, ''),"
                    + " c.sys, c.sid, " + run + " FROM {s}comment_final c JOIN posts p ON p.source_system = c.sys"
                    + " AND p.source_id = c.post_sid WHERE c.seq BETWEEN " + from + " AND " + to
                    + " AND c.created_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM comments e"
                    + " WHERE e.source_system = c.sys AND e.source_id = c.sid) ORDER BY c.seq");
        }
    }

    /** Parents and metadata of the run's new comments with ids in [from, to]. */
    public void completeNewComments(long run, long from, long to) throws SQLException {
        String mine = " e.import_run = " + run + " AND e.id BETWEEN " + from + " AND " + to;
        try (Statement st = conn.createStatement()) {
            timed(st, "UPDATE comments AS e SET parent_id = par.id FROM {s}comment_final c"
                    + " JOIN comments par ON par.source_system = c.sys AND par.source_id = c.parent_sid"
                    + " WHERE" + mine + " AND e.source_system = c.sys AND e.source_id = c.sid AND par.id <> e.id"
                    + " AND e.parent_id IS DISTINCT FROM par.id AND NOT " + String.format(MODERATED, "e"));
            timed(st, "INSERT INTO comment_meta (comment_id, meta_key, meta_value)"
                    + " SELECT e.id, m.key, m.value FROM comments e JOIN {s}meta_final m ON m.sys = e.source_system"
                    + " AND m.sid = e.source_id WHERE" + mine + " AND NOT " + String.format(MODERATED, "e")
                    + " ON CONFLICT (comment_id, meta_key) DO UPDATE SET meta_value = excluded.meta_value"
                    + " WHERE comment_meta.meta_value IS DISTINCT FROM excluded.meta_value");
        }
    }

    /** Comments modq already had (not the run's own): changed fields, parents, metadata; decided ones untouched. */
    public void updateExisting(long run) throws SQLException {
        String notMine = " (e.import_run IS NULL OR e.import_run <> " + run + ")";
        try (Statement st = conn.createStatement()) {
            timed(st, "UPDATE comments AS e SET post_id = " + POST_OF_C + ","
                    + " author_name = coalesce(c.author_name, e.author_name),"
                    + keep("author_email") + keep("author_url") + keep("author_ip") + keep("user_agent")
                    + " body = coalesce(c.body, e.body), kind = coalesce(c.kind, e.kind),"
                    + " created_at = coalesce(c.created_at, e.created_at), status = coalesce(c.status, e.status),"
                    + " reason = CASE WHEN c.status IS NULL THEN e.reason ELSE nullif(c.reason, '') END,"
                    + " version = e.version + 1"
                    + " FROM {s}existing x JOIN {s}comment_final c ON c.seq = x.seq"
                    + " WHERE e.source_system = c.sys AND e.source_id = c.sid AND" + notMine
                    + " AND NOT " + String.format(MODERATED, "e") + " AND " + commentDiffers("e"));
            timed(st, "UPDATE comments AS e SET parent_id = par.id FROM {s}existing x JOIN {s}comment_final c"
                    + " ON c.seq = x.seq JOIN comments par ON par.source_system = c.sys AND par.source_id = c.parent_sid"
                    + " WHERE e.source_system = c.sys AND e.source_id = c.sid AND" + notMine + " AND par.id <> e.id"
                    + " AND e.parent_id IS DISTINCT FROM par.id AND NOT " + String.format(MODERATED, "e"));
            timed(st, "INSERT INTO comment_meta (comment_id, meta_key, meta_value)"
                    + " SELECT e.id, m.key, m.value FROM {s}existing x JOIN {s}comment_final c ON c.seq = x.seq"
                    + " JOIN {s}meta_final m ON m.sys = c.sys AND m.sid = c.sid"
                    + " JOIN comments e ON e.source_system = m.sys AND e.source_id = m.sid WHERE" + notMine + " AND NOT " + String.format(MODERATED, "e")
                    + " ON CONFLICT (comment_id, meta_key) DO UPDATE SET meta_value = excluded.meta_value"
                    + " WHERE comment_meta.meta_value IS DISTINCT FROM excluded.meta_value");
        }
    }

    /** -Dmodq.import.timing=true prints each step's time to stderr (for bench/ and tuning). */
    private static final boolean TIMING = Boolean.getBoolean("modq.import.timing");

    private void timed(Statement st, String sql) throws SQLException {
        long t = System.nanoTime();
        int n = st.executeUpdate(q(sql));
        if (TIMING) {
            System.err.printf("modq: import step %d ms, %d rows: %s%n", (System.nanoTime() - t) / 1_000_000, n,
                    sql.substring(0, Math.min(60, sql.length())));
        }
    }

    private static String keep(String column) {
        return " " + column + " = CASE WHEN c." + column + " IS NULL THEN e." + column + " ELSE nullif(c." + column
                + ", '') END,";
    }

    /** The statement with the staging schema filled in. */
    private String q(String sql) {
        return sql.replace("{s}", staging);
    }

    private long one(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q(sql))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
