package dev.modq.store.postgresql;

import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database per test on pgops's test server ({@link PgCluster}: {@code MODQ_TEST_PG_URL}, else
 * a throw-away cluster it starts; in CI a missing server fails), dropped by {@link #close}; plus the plain-SQL
 * helpers the PostgreSQL tests share. Test classes carry {@code @ExtendWith(PgCluster.class)}.
 */
public final class PgTestDb implements AutoCloseable {

    private final PgDatabase db;

    private PgTestDb(PgDatabase db) {
        this.db = db;
    }

    /** An empty database (no schema). */
    public static PgTestDb create() {
        return new PgTestDb(PgCluster.createDatabase());
    }

    /** A database at modq's current schema, cloned from a template migrated once per JVM. */
    public static PgTestDb migrated() {
        String template = PgCluster.template("modq-pg-schema-" + PgStore.bundledSchemaVersion(),
                d -> PgStore.open(d.address(), true).close());
        return new PgTestDb(PgCluster.createDatabase(template));
    }

    /** The address modq is given ({@code --db}). */
    public String address() {
        return db.address();
    }

    public String name() {
        return db.name();
    }

    public Connection connect() throws SQLException {
        return db.connect();
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
        db.close();
    }
}
