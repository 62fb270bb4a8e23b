package dev.modq.testing;

import dev.modq.core.Role;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh database of one backend for a test: its address (for {@code --db} and {@link Stores#open}), the store
 * opened through the one factory, and plain JDBC beside it for what a test does the way a blog backend (or an
 * attacker) would: seed rows, tamper, read back. Portable SQL only here, so the same test runs on every backend.
 */
public abstract class TestDatabase implements AutoCloseable {

    public static final long T0 = TestDb.T0;

    private final TestStores.Backend backend;

    protected TestDatabase(TestStores.Backend backend) {
        this.backend = backend;
    }

    public TestStores.Backend backend() {
        return backend;
    }

    public boolean isSqlite() {
        return backend == TestStores.SQLITE;
    }

    /** What {@code --db} takes: a file path, or a server address. */
    public abstract String address();

    /** The SQLite file; fails on other backends (for the few tests about files). */
    public Path file() {
        Path file = Stores.fileOf(address());
        if (file == null) {
            throw new UnsupportedOperationException(address() + " is not a file");
        }
        return file;
    }

    /** A plain JDBC connection (autocommit), outside modq. */
    public abstract Connection connect() throws SQLException;

    public Store open(OpenMode mode) {
        return Stores.open(address(), OpenOptions.of(mode));
    }

    public Store open(OpenOptions options) {
        return Stores.open(address(), options);
    }

    /** Created and migrated, with the OS user as admin plus alice, bob (moderators) and vic (viewer). */
    public Store create() {
        Store store = open(OpenMode.CREATE);
        Actors.bootstrapFirstAdmin(store, Actors.osUser());
        store.putModerator("alice", Role.MODERATOR);
        store.putModerator("bob", Role.MODERATOR);
        store.putModerator("vic", Role.VIEWER);
        return store;
    }

    /** One post and {@code n} pending comments (ids 1..n, created T0+i), inserted with plain SQL as a blog would. */
    public void seed(int n) {
        sql("INSERT INTO posts (id, title, url) VALUES (1, 'Budget vote tonight', 'https://news.example.com/budget')");
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO comments (id, post_id, author_name, author_email,"
                     + " body, created_at) VALUES (?, 1, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= n; i++) {
                ps.setLong(1, i);
                ps.setString(2, "author" + (i % 7));
                ps.setString(3, "author" + (i % 7) + "@example.com");
                ps.setString(4, "comment number " + i);
                ps.setLong(5, T0 + i);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements with plain JDBC; {@code params} bind the ? of a single statement. */
    public void sql(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void sqls(String... statements) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    public long longValue(String sql) {
        List<String> rows = rows(sql);
        return Long.parseLong(rows.get(0));
    }

    public String stringValue(String sql) {
        List<String> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Rows as "a|b|c" strings (NULL as "null"). */
    public List<String> rows(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Statements that lift the database's own refusal to change or delete audit rows, as someone holding the
     * database's owner rights could: for tests showing that {@code log --verify} and {@code check} still find it.
     */
    public List<String> auditGuardsOff() {
        return List.of("DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete");
    }

    /** Drops a server database; a SQLite file goes with the test's temporary directory. */
    @Override
    public void close() {
    }

    /** The address, so messages naming the database read as modq prints them. */
    @Override
    public String toString() {
        return address();
    }
}
