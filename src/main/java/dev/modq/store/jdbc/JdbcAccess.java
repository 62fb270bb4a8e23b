package dev.modq.store.jdbc;

import dev.modq.core.ModeratorKey;
import dev.modq.core.SshSession;
import dev.modq.store.AccessStore;
import dev.modq.store.WriteTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link AccessStore} (moderators' SSH keys and the session log, tables of schema V007) in SQL that both backends
 * run as it is; each backend says how it reads, writes and reports errors through {@link Connected}.
 */
public final class JdbcAccess implements AccessStore {

    /** What a backend lends: its connection, and its own way of running and translating SQL. */
    public interface Connected {
        Connection connection();

        /** A read outside a transaction; an SQLException becomes the backend's one-line error. */
        <T> T read(String doing, SqlCall<T> work);

        /** {@link dev.modq.store.Store#write}. */
        <T> T write(String doing, Function<WriteTransaction, T> work);

        /** An SQLException inside {@link #write}, in the form the backend's write translates. */
        RuntimeException uncheckedInWrite(SQLException e);
    }

    @FunctionalInterface
    public interface SqlCall<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Marks an integer parameter that is null (see {@link #bind}). */
    private static final Object NULL_INTEGER = new Object();

    private static final String KEY_COLUMNS = "fingerprint, moderator, key_type, public_key, comment, added_by, added_at";
    private static final String SESSION_COLUMNS = "id, moderator, fingerprint, remote, kind, command, started_at,"
            + " ended_at, exit_status, ending";

    private final Connected store;

    public JdbcAccess(Connected store) {
        this.store = store;
    }

    @Override
    public List<ModeratorKey> keys(String moderator) {
        String where = moderator == null ? "" : " WHERE moderator = ?";
        return store.read("reading moderator keys", () -> query("SELECT " + KEY_COLUMNS + " FROM moderator_keys" + where
                + " ORDER BY moderator, added_at, fingerprint", JdbcAccess::key,
                moderator == null ? new Object[0] : new Object[] {moderator}));
    }

    @Override
    public Optional<ModeratorKey> key(String fingerprint) {
        List<ModeratorKey> found = store.read("reading moderator keys", () -> query("SELECT " + KEY_COLUMNS
                + " FROM moderator_keys WHERE fingerprint = ?", JdbcAccess::key, fingerprint));
        return found.stream().findFirst();
    }

    @Override
    public void addKey(ModeratorKey k, Consumer<WriteTransaction> inTransaction) {
        store.write("adding a key for " + k.moderator(), tx -> {
            inTransaction.accept(tx);
            sql(() -> {
                List<ModeratorKey> existing = query("SELECT " + KEY_COLUMNS + " FROM moderator_keys WHERE fingerprint = ?",
                        JdbcAccess::key, k.fingerprint());
                if (!existing.isEmpty()) {
                    throw new IllegalArgumentException("key " + k.fingerprint() + " is already on the roster, for "
                            + existing.get(0).moderator() + " (a key speaks for one moderator; remove it first)");
                }
                return update("INSERT INTO moderator_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        k.fingerprint(), k.moderator(), k.type(), k.publicKey(), k.comment(), k.addedBy(),
                        k.addedAt().toEpochMilli());
            });
            return null;
        });
    }

    @Override
    public ModeratorKey removeKey(String fingerprint, BiConsumer<WriteTransaction, ModeratorKey> inTransaction) {
        return store.write("removing key " + fingerprint, tx -> {
            return sql(() -> {
                List<ModeratorKey> existing = query("SELECT " + KEY_COLUMNS + " FROM moderator_keys WHERE fingerprint = ?",
                        JdbcAccess::key, fingerprint);
                if (existing.isEmpty()) {
                    throw new IllegalArgumentException("no key " + fingerprint + " (see `modq moderator key list`)");
                }
                inTransaction.accept(tx, existing.get(0));
                update("DELETE FROM moderator_keys WHERE fingerprint = ?", fingerprint);
                return existing.get(0);
            });
        });
    }

    @Override
    public long sessionStarted(String moderator, String fingerprint, String remote, String kind, String command,
                               Instant at) {
        return store.write("recording an SSH session", tx -> sql(() -> query("INSERT INTO ssh_sessions (moderator,"
                + " fingerprint, remote, kind, command, started_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                rs -> rs.getLong(1), moderator, fingerprint, remote, kind, command, at.toEpochMilli()).get(0)));
    }

    @Override
    public void sessionEnded(long id, Instant at, Integer exitStatus, String ending) {
        store.write("recording the end of an SSH session", tx -> sql(() -> update("UPDATE ssh_sessions"
                + " SET ended_at = ?, exit_status = ?, ending = ? WHERE id = ? AND ended_at IS NULL",
                at.toEpochMilli(), exitStatus == null ? NULL_INTEGER : exitStatus, ending, id)));
    }

    @Override
    public int closeAbandonedSessions(Instant at, String ending) {
        return store.write("closing SSH sessions a previous server left open", tx -> sql(() -> update(
                "UPDATE ssh_sessions SET ended_at = ?, ending = ? WHERE ended_at IS NULL", at.toEpochMilli(), ending)));
    }

    @Override
    public List<SshSession> sessions(Instant since, String moderator, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (since != null) {
            where.append(" AND started_at >= ?");
            params.add(since.toEpochMilli());
        }
        if (moderator != null) {
            where.append(" AND moderator = ?");
            params.add(moderator);
        }
        params.add(limit);
        return store.read("reading SSH sessions", () -> query("SELECT " + SESSION_COLUMNS + " FROM ssh_sessions" + where
                + " ORDER BY started_at DESC, id DESC LIMIT ?", JdbcAccess::session, params.toArray()));
    }

    private Connection conn() {
        return store.connection();
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = conn().prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn().prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inside the backend's write: an SQLException travels out unchecked and is translated there. */
    private <T> T sql(SqlCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw store.uncheckedInWrite(e);
        }
    }

    /**
     * Nulls are bound with their SQL type: PostgreSQL refuses an untyped (varchar) null for an integer column, and
     * SQLite takes any typed null.
     */
    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p == NULL_INTEGER) {
                ps.setNull(i + 1, Types.INTEGER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static ModeratorKey key(ResultSet rs) throws SQLException {
        return new ModeratorKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }

    private static SshSession session(ResultSet rs) throws SQLException {
        long ended = rs.getLong(8);
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        int exit = rs.getInt(9);
        Integer exitStatus = rs.wasNull() ? null : exit;
        return new SshSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), endedAt, exitStatus, rs.getString(10));
    }
}
