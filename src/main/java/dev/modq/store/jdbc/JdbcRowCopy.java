package dev.modq.store.jdbc;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RowCopy}'s work on either backend: tables in the order their foreign keys need (parents first), each read in
 * primary-key order a chunk at a time, what blocks a copy into a database, and the batched inserts. What differs — how
 * a backend lists its tables, columns, keys and references, the value types its driver returns and takes — comes
 * from its {@link Catalog}; the transaction around each side stays the backend's own.
 */
public final class JdbcRowCopy {

    /** How one backend describes its schema and its values. */
    public interface Catalog {
        /** Every base table, by name, but those not copied (migration history, derived counts, the backend's own). */
        List<String> tableNames(Connection conn) throws SQLException;

        /** Per table, the other tables among {@code names} its foreign keys point to. */
        Map<String, Set<String>> parents(Connection conn, List<String> names) throws SQLException;

        List<String> columns(Connection conn, String table) throws SQLException;

        /** The primary key's columns, in key order (none: rows come in no promised order). */
        List<String> primaryKey(Connection conn, String table) throws SQLException;

        /** Rows a new database holds per table (the rows its migrations put there); absent tables hold none. */
        Map<String, Long> seeded(Connection conn) throws SQLException;

        /** A value as the driver returned it, as it travels ({@code Long}, {@code Double}, {@code String}...). */
        Object portable(Object value);

        /** Binds a travelling value as the backend's columns take it. */
        void bind(PreparedStatement insert, int index, Object value, String table, Object[] row) throws SQLException;
    }

    private static final int BATCH = 2_000;
    private static final int FETCH = 1_000;

    private JdbcRowCopy() {
    }

    /** Every row of every table into {@code sink}, on {@code conn} as it is (the caller holds the snapshot). */
    public static long readRows(Connection conn, Catalog catalog, RowCopy.RowSink sink) throws SQLException {
        long n = 0;
        for (RowCopy.Table table : tables(conn, catalog)) {
            sink.table(table);
            List<String> key = catalog.primaryKey(conn, table.name());
            String sql = "SELECT " + String.join(", ", quoted(table.columns())) + " FROM " + quote(table.name())
                    + (key.isEmpty() ? "" : " ORDER BY " + String.join(", ", quoted(key)));
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    int width = table.columns().size();
                    while (rs.next()) {
                        Object[] values = new Object[width];
                        for (int i = 0; i < width; i++) {
                            values[i] = catalog.portable(rs.getObject(i + 1));
                        }
                        sink.row(values);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * What the database holds beyond what a new one holds: a table blocks unless it has no rows, or exactly as many
     * as the migrations put in a new database (a default row, say), which a copy then replaces.
     */
    public static Optional<String> blockers(Connection conn, Catalog catalog) throws SQLException {
        Map<String, Long> seeded = catalog.seeded(conn);
        List<String> found = new ArrayList<>();
        for (String table : catalog.tableNames(conn)) {
            long n = count(conn, table);
            if (n > 0 && n != seeded.getOrDefault(table, 0L)) {
                found.add(n + " " + table);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    /** Every table worth copying, a table after those its foreign keys point to. */
    public static List<RowCopy.Table> tables(Connection conn, Catalog catalog) throws SQLException {
        List<String> names = catalog.tableNames(conn);
        Map<String, Set<String>> parents = catalog.parents(conn, names);
        List<RowCopy.Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(parents.getOrDefault(name, Set.of()))) {
                    placed.add(name);
                    ordered.add(new RowCopy.Table(name, catalog.columns(conn, name)));
                    progress = true;
                }
            }
            if (!progress) { // a cycle: the deferred foreign keys still check it at commit
                for (String name : names) {
                    if (placed.add(name)) {
                        ordered.add(new RowCopy.Table(name, catalog.columns(conn, name)));
                    }
                }
            }
        }
        return ordered;
    }

    /**
     * Inserts what {@code load}'s rows bring, batched, one prepared statement per table, on {@code conn} inside the
     * caller's transaction; a table that holds rows a new database starts with has them replaced by the source's.
     * An SQLException comes back in the backend's unchecked form.
     */
    public static void insertRows(Connection conn, Catalog catalog, java.util.function.Consumer<RowCopy.RowSink> load)
            throws SQLException {
        Map<String, RowCopy.Table> known = new LinkedHashMap<>();
        for (RowCopy.Table t : tables(conn, catalog)) {
            known.put(t.name(), t);
        }
        try (Inserter inserter = new Inserter(conn, catalog, known)) {
            load.accept(inserter);
        } catch (UncheckedSql e) {
            throw e.getCause();
        }
    }

    static long count(Connection conn, String table) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(JdbcRowCopy::quote).toList();
    }

    /** Identifiers come from the schema, never from users; quoted all the same. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Batched INSERTs, one prepared statement per table. */
    private static final class Inserter implements RowCopy.RowSink, AutoCloseable {
        private final Connection conn;
        private final Catalog catalog;
        private final Map<String, RowCopy.Table> known;
        private PreparedStatement insert;
        private RowCopy.Table table;
        private int width;
        private int pending;

        Inserter(Connection conn, Catalog catalog, Map<String, RowCopy.Table> known) {
            this.conn = conn;
            this.catalog = catalog;
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
                String marks = String.join(", ", Collections.nCopies(next.columns().size(), "?"));
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
                    Object v = values[i] instanceof Boolean b ? (Object) (b ? 1L : 0L) : values[i];
                    catalog.bind(insert, i + 1, v, table.name(), values);
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
    }

    /** An SQLException on its way out of a sink. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
