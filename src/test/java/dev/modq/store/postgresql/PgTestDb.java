package dev.modq.store.postgresql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty PostgreSQL database per test on the server {@code MODQ_TEST_PG_URL} names
 * ({@code postgresql://user@host:port/db} of a database the user may CREATE DATABASE from), dropped afterwards.
 * A missing server is a failure, never a skip.
 */
public final class PgTestDb implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PgAddress server;
    private final String name;
    private final String address;

    private PgTestDb(PgAddress server, String name) {
        this.server = server;
        this.name = name;
        this.address = "postgresql://" + (server.user() == null ? "" : server.user() + "@") + server.host() + ":"
                + server.port() + "/" + name;
    }

    public static String serverUrl() {
        String url = System.getProperty("modq.test.pgUrl");
        if (url == null || url.isBlank()) {
            url = System.getenv("MODQ_TEST_PG_URL");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no PostgreSQL server for the tests: set MODQ_TEST_PG_URL"
                    + " (e.g. postgresql://postgres@127.0.0.1:55432/postgres) or run .ci/run, which starts one");
        }
        return url;
    }

    public static PgTestDb create() {
        PgAddress server = PgAddress.parse(serverUrl());
        String name = "modq_t_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000_000L + "_"
                + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.properties());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.shown() + ": " + e.getMessage(), e);
        }
        return new PgTestDb(server, name);
    }

    /** The address modq is given ({@code --db}). */
    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        PgAddress a = PgAddress.parse(address);
        return DriverManager.getConnection(a.jdbcUrl(), a.properties());
    }

    public void sql(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long longValue(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String stringValue(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** One post (id 1) and {@code n} pending comments (ids 1..n, created T0+i), with plain SQL as a blog would. */
    public void seed(int n) {
        sql("INSERT INTO posts (id, title, url) VALUES (1, 'Budget vote tonight', 'https://news.example.com/budget')");
        sql("INSERT INTO comments (id, post_id, author_name, author_email, body, created_at)"
                + " SELECT i, 1, 'author' || (i % 7), 'author' || (i % 7) || '@example.com', 'comment number ' || i,"
                + " 1780000000 + i FROM generate_series(1, " + n + ") AS i");
        // explicit ids leave the identity behind: move it on, as `modq copy` must too
        sql("SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments))");
        sql("SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts))");
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.properties());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
