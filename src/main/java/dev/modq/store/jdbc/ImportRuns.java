package dev.modq.store.jdbc;

import dev.modq.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The import_runs table: one import applies at a time; a run is 'applying' while its chunks are written, and
 * its heartbeat moves on after each. A run left in 'applying' with an old heartbeat was interrupted: the next
 * import undoes it (its new comments that nobody decided, and its posts left without comments) before its own.
 * The same SQL on both backends.
 */
public final class ImportRuns {

    /** A run whose heartbeat is older than this is taken as interrupted (a chunk takes well under a second). */
    public static final long STALE_MS = 60_000;

    private final Connection conn;
    private final Clock clock;

    public ImportRuns(Connection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    /** The run that is being applied now, or an interrupted one (id, or -1), and whether it is stale. */
    public record Open(long id, boolean stale) {
    }

    public Open open() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, heartbeat_at FROM import_runs"
                + " WHERE state = 'applying' ORDER BY id LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Open(-1, false);
            }
            return new Open(rs.getLong(1), clock.millis() - rs.getLong(2) > STALE_MS);
        }
    }

    /** Starts a run (inside the caller's transaction); refuses while another import is being applied. */
    public long start(String files) throws SQLException {
        Open open = open();
        if (open.id() >= 0) {
            throw new StoreException("another import (run " + open.id() + ") is being applied to this database:"
                    + " wait until it ends (an interrupted one is undone by the next import after "
                    + STALE_MS / 1000 + " s)");
        }
        long now = clock.millis();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO import_runs (started_at, heartbeat_at, state,"
                + " first_comment_id, files) VALUES (?, ?, 'applying', (SELECT coalesce(max(id), 0) + 1 FROM comments), ?)"
                + " RETURNING id")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setString(3, files);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void heartbeat(long run) throws SQLException {
        set(run, "applying");
    }

    public void done(long run) throws SQLException {
        set(run, "done");
    }

    private void set(long run, String state) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE import_runs SET state = ?, heartbeat_at = ?"
                + " WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, clock.millis());
            ps.setLong(3, run);
            ps.executeUpdate();
        }
    }

    /**
     * One step of undoing a run: removes up to {@code limit} of its comments that nobody decided (a decided one
     * is kept: nothing acknowledged is lost). Returns how many went; at 0, removes its empty posts and marks it.
     */
    public long undoStep(long run, int limit) throws SQLException {
        String doomed = "SELECT id FROM comments d WHERE d.import_run = " + run + " AND d.id >= (SELECT first_comment_id"
                + " FROM import_runs WHERE id = " + run + ") AND NOT EXISTS (SELECT 1 FROM audit_log a"
                + " WHERE a.comment_id = d.id) ORDER BY d.id LIMIT " + limit;
        try (var st = conn.createStatement()) {
            st.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS modq_undo (id bigint PRIMARY KEY)");
            st.executeUpdate("DELETE FROM modq_undo");
            st.executeUpdate("INSERT INTO modq_undo " + doomed);
            st.executeUpdate("UPDATE comments SET parent_id = NULL WHERE parent_id IN (SELECT id FROM modq_undo)"
                    + " AND id NOT IN (SELECT id FROM modq_undo)");
            long removed;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM modq_undo")) {
                rs.next();
                removed = rs.getLong(1);
            }
            st.executeUpdate("DELETE FROM comments WHERE id IN (SELECT id FROM modq_undo)");
            if (removed == 0) {
                st.executeUpdate("DELETE FROM posts WHERE import_run = " + run
                        + " AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.post_id = posts.id)");
                set(run, "undone");
            }
            return removed;
        }
    }
}
