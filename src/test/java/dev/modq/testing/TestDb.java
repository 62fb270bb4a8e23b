package dev.modq.testing;

import dev.modq.core.Role;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Real SQLite files for tests, filled through plain SQL the way a blog backend would. */
public final class TestDb {

    public static final long T0 = 1_780_000_000L; // a fixed creation time (2026-05-28) so orders are stable

    private TestDb() {
    }

    /** A new database with the current OS user as admin, plus moderators alice, bob (moderator) and vic (viewer). */
    public static SqliteStore create(Path db) {
        SqliteStore store = SqliteStore.open(db, OpenMode.CREATE);
        Actors.bootstrapFirstAdmin(store, Actors.osUser());
        store.putModerator("alice", Role.MODERATOR);
        store.putModerator("bob", Role.MODERATOR);
        store.putModerator("vic", Role.VIEWER);
        return store;
    }

    /** Inserts one post and {@code n} pending comments (ids 1..n, created T0+i) with plain SQL. */
    public static void seed(Path db, int n) {
        sql(db, "INSERT INTO posts (id, title, url) VALUES (1, 'Budget vote tonight', 'https://news.example.com/budget')");
        try (Connection c = connect(db);
             PreparedStatement ps = c.prepareStatement("INSERT INTO comments (id, post_id, author_name, author_email, body, created_at)"
                     + " VALUES (?, 1, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= n; i++) {
                ps.setInt(1, i);
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

    public static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    public static void sql(Path db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static long longValue(Path db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static String stringValue(Path db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
