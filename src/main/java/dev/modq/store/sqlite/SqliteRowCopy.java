package dev.modq.store.sqlite;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;

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

/** {@link RowCopy} on SQLite: tables and columns read from the schema itself, so later migrations' tables come too. */
final class SqliteRowCopy {

    /** Not copied: each database has its own migration history; the kept counts follow from the comments. */
    static final Set<String> SKIPPED = Set.of("schema_migrations", "status_counts");

    private static final int BATCH = 2_000;

    private SqliteRowCopy() {
    }

    static long readRows(SqliteStore store, RowCopy.RowSink sink) {
        return store.read("reading every table for the copy", () -> {
            Connection conn = store.connection();
            long n = 0;
            for (RowCopy.Table table : tables(conn)) {
                sink.table(table);
                String sql = "SELECT " + String.join(", ", quoted(table.columns())) + " FROM " + quote(table.name())
                        + orderBy(conn, table.name());
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    int width = table.columns().size();
                    while (rs.next()) {
                        Object[] values = new Object[width];
                        for (int i = 0; i < width; i++) {
                            values[i] = portable(rs.getObject(i + 1));
                        }
                        sink.row(values);
                        n++;
                    }
                }
            }
            return n;
        });
    }

    static Optional<String> copyBlockers(SqliteStore store) {
        return store.read("reading what the database holds", () -> blockers(store.connection()));
    }

    /**
     * What the database holds beyond what a new one holds: a table blocks unless it has no rows, or exactly as many
     * as the migrations put in a new database (a default row, say), which a copy then replaces.
     */
    private static Optional<String> blockers(Connection conn) throws SQLException {
        Map<String, Long> seeded = seeded();
        List<String> found = new ArrayList<>();
        for (RowCopy.Table table : tables(conn)) {
            long n = count(conn, table.name());
            if (n > 0 && n != seeded.getOrDefault(table.name(), 0L)) {
                found.add(n + " " + table.name());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    /** Rows per table of a new database: this program's migrations applied to an empty one in memory. */
    private static Map<String, Long> seeded() throws SQLException {
        NativeLibrary.prepare();
        try (Connection fresh = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqlFunctions.register(fresh);
            new Migrator(MigrationSource.bundled()).migrate(fresh, "a new database", true);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (RowCopy.Table table : tables(fresh)) {
                counts.put(table.name(), count(fresh, table.name()));
            }
            return counts;
        }
    }

    private static long count(Connection conn, String table) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void writeRows(SqliteStore store, String doing, Consumer<RowCopy.RowSink> load) {
        store.writeRaw(doing, () -> {
            Connection conn = store.connection();
            Optional<String> blockers = blockers(conn); // again under the write lock: nobody wrote meanwhile
            if (blockers.isPresent()) {
                throw new StoreException(store.path() + " is not empty (" + blockers.get() + "): copy only into a new"
                        + " or empty database, nothing was changed");
            }
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("PRAGMA defer_foreign_keys = ON"); // a reply may arrive before its parent
            }
            Map<String, RowCopy.Table> known = new LinkedHashMap<>();
            for (RowCopy.Table t : tables(conn)) {
                known.put(t.name(), t);
            }
            DeferredIndexes deferred = DeferredIndexes.whenCommentsEmpty(conn);
            try (Inserter inserter = new Inserter(conn, known)) {
                load.accept(inserter);
            } catch (Inserter.UncheckedSql e) {
                throw e.getCause();
            }
            deferred.rebuild();
            return null;
        });
    }

    /** Every table worth copying, a table after those its foreign keys point to. */
    static List<RowCopy.Table> tables(Connection conn) throws SQLException {
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
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> refs = new LinkedHashSet<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT \"table\" FROM pragma_foreign_key_list(" + literal(name)
                         + ")")) {
                while (rs.next()) {
                    String parent = rs.getString(1);
                    if (!parent.equals(name) && names.contains(parent)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(name, refs);
        }
        List<RowCopy.Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
                    placed.add(name);
                    ordered.add(new RowCopy.Table(name, columns(conn, name)));
                    progress = true;
                }
            }
            if (!progress) { // a cycle: the deferred foreign keys still check it at commit
                for (String name : names) {
                    if (placed.add(name)) {
                        ordered.add(new RowCopy.Table(name, columns(conn, name)));
                    }
                }
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection conn, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info(" + literal(table)
                     + ") ORDER BY cid")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static String orderBy(Connection conn, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info(" + literal(table) + ")"
                     + " WHERE pk > 0 ORDER BY pk")) {
            while (rs.next()) {
                key.add(quote(rs.getString(1)));
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
    }

    private static Object portable(Object value) {
        return value instanceof Integer i ? Long.valueOf(i) : value instanceof Float f ? Double.valueOf(f) : value;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(SqliteRowCopy::quote).toList();
    }

    /** Identifiers come from the schema, never from users; quoted all the same. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Batched INSERTs, one prepared statement per table. */
    private static final class Inserter implements RowCopy.RowSink, AutoCloseable {
        private final Connection conn;
        private final Map<String, RowCopy.Table> known;
        private PreparedStatement insert;
        private RowCopy.Table table;
        private int width;
        private int pending;

        Inserter(Connection conn, Map<String, RowCopy.Table> known) {
            this.conn = conn;
            this.known = known;
        }

        @Override
        public void table(RowCopy.Table next) {
            RowCopy.Table here = known.get(next.name());
            if (here == null) {
                throw new StoreException("the destination has no table " + next.name() + ": both databases must have"
                        + " the same schema version (upgrade modq where it is older)");
            }
            for (String column : next.columns()) {
                if (!here.columns().contains(column)) {
                    throw new StoreException("the destination's table " + next.name() + " has no column " + column
                            + ": both databases must have the same schema version");
                }
            }
            try {
                finish();
                if (count(conn, next.name()) > 0) { // rows a new database starts with: the source's replace them
                    try (Statement st = conn.createStatement()) {
                        st.executeUpdate("DELETE FROM " + quote(next.name()));
                    }
                }
                String marks = String.join(", ", java.util.Collections.nCopies(next.columns().size(), "?"));
                insert = conn.prepareStatement("INSERT INTO " + quote(next.name()) + " ("
                        + String.join(", ", quoted(next.columns())) + ") VALUES (" + marks + ")");
                table = next;
                width = next.columns().size();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public void row(Object[] values) {
            if (table == null || values.length != width) {
                throw new IllegalStateException("row of " + values.length + " values for " + table);
            }
            try {
                for (int i = 0; i < width; i++) {
                    insert.setObject(i + 1, values[i] instanceof Boolean b ? (b ? 1L : 0L) : values[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        private void finish() throws SQLException {
            if (insert != null) {
                if (pending > 0) {
                    insert.executeBatch();
                    pending = 0;
                }
                insert.close();
                insert = null;
            }
        }

        @Override
        public void close() throws SQLException {
            finish();
        }

        static final class UncheckedSql extends RuntimeException {
            UncheckedSql(SQLException cause) {
                super(cause);
            }

            @Override
            public synchronized SQLException getCause() {
                return (SQLException) super.getCause();
            }
        }
    }
}
