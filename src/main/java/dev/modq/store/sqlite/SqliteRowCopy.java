package dev.modq.store.sqlite;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;
import dev.modq.store.jdbc.JdbcRowCopy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link RowCopy} on SQLite: tables and columns read from the schema itself, so later migrations' tables come too; the
 * copying itself is {@link JdbcRowCopy}'s, shared with PostgreSQL.
 */
final class SqliteRowCopy implements JdbcRowCopy.Catalog {

    /** Not copied: each database has its own migration history; the kept counts follow from the comments. */
    static final Set<String> SKIPPED = Set.of("schema_migrations", "status_counts");

    private static final SqliteRowCopy CATALOG = new SqliteRowCopy();

    private SqliteRowCopy() {
    }

    static long readRows(SqliteStore store, RowCopy.RowSink sink) {
        return store.read("reading every table for the copy", () -> JdbcRowCopy.readRows(store.connection(), CATALOG, sink));
    }

    static Optional<String> copyBlockers(SqliteStore store) {
        return store.read("reading what the database holds", () -> JdbcRowCopy.blockers(store.connection(), CATALOG));
    }

    static void writeRows(SqliteStore store, String doing, Consumer<RowCopy.RowSink> load) {
        store.writeRaw(doing, () -> {
            Connection conn = store.connection();
            Optional<String> blockers = JdbcRowCopy.blockers(conn, CATALOG); // again under the write lock
            if (blockers.isPresent()) {
                throw new StoreException(store.path() + " is not empty (" + blockers.get() + "): copy only into a new"
                        + " or empty database, nothing was changed");
            }
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("PRAGMA defer_foreign_keys = ON"); // a reply may arrive before its parent
            }
            DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
            JdbcRowCopy.insertRows(conn, CATALOG, load);
            deferred.rebuild();
            return null;
        });
    }

    @Override
    public List<String> tableNames(Connection conn) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public Map<String, Set<String>> parents(Connection conn, List<String> names) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> refs = new LinkedHashSet<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT \"table\" FROM pragma_foreign_key_list("
                         + JdbcRowCopy.literal(name) + ")")) {
                while (rs.next()) {
                    String parent = rs.getString(1);
                    if (!parent.equals(name) && names.contains(parent)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(name, refs);
        }
        return parents;
    }

    @Override
    public List<String> columns(Connection conn, String table) throws SQLException {
        return strings(conn, "SELECT name FROM pragma_table_info(" + JdbcRowCopy.literal(table) + ") ORDER BY cid");
    }

    @Override
    public List<String> primaryKey(Connection conn, String table) throws SQLException {
        return strings(conn, "SELECT name FROM pragma_table_info(" + JdbcRowCopy.literal(table) + ")"
                + " WHERE pk > 0 ORDER BY pk");
    }

    /** Rows per table of a new database: this program's migrations applied to an empty one in memory. */
    @Override
    public Map<String, Long> seeded(Connection ignored) throws SQLException {
        NativeLibrary.prepare();
        try (Connection fresh = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqlFunctions.register(fresh);
            new Migrator(MigrationSource.bundled()).migrate(fresh, "a new database", true);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tableNames(fresh)) {
                try (Statement st = fresh.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM " + JdbcRowCopy.quote(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        }
    }

    @Override
    public Object portable(Object value) {
        return value instanceof Integer i ? Long.valueOf(i) : value instanceof Float f ? Double.valueOf(f) : value;
    }

    @Override
    public void bind(PreparedStatement insert, int index, Object value, String table, Object[] row) throws SQLException {
        insert.setObject(index, value);
    }

    private static List<String> strings(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
