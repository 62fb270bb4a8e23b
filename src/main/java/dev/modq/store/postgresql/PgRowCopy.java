package dev.modq.store.postgresql;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link RowCopy} on PostgreSQL: tables and columns read from the catalog (so later migrations' tables come too),
 * parents before children, rows in primary-key order, values as the integers and texts the schema documents. Writing
 * defers the deferrable references to commit, moves every identity sequence past the highest id copied and sets the
 * chain lock's last_id, so the copied database continues exactly where the source stopped.
 */
final class PgRowCopy {

    /** Not copied: each database has its own history; the counts follow from the comments; the lock is PG's own. */
    static final Set<String> SKIPPED = Set.of("schema_migrations", "status_counts", "audit_chain_lock");

    private static final int BATCH = 2_000;

    private PgRowCopy() {
    }

    static long readRows(PgStore store, RowCopy.RowSink sink) {
        return store.read("reading every table for the copy", () -> {
            Connection conn = store.connection();
            long n = 0;
            for (RowCopy.Table table : tables(conn)) {
                sink.table(table);
                String sql = "SELECT " + String.join(", ", quoted(table.columns())) + " FROM " + quote(table.name())
                        + orderBy(conn, table.name());
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    ps.setFetchSize(PgReads.FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
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
            }
            return n;
        });
    }

    /**
     * Rows a new database starts with, per table: what db/migrations/postgresql seeds (V005's one score_model row).
     * A table holding exactly that many does not block a copy; the source's rows replace them.
     */
    static final Map<String, Long> SEEDED = Map.of("score_model", 1L);

    static Optional<String> copyBlockers(PgStore store) {
        return store.read("reading what the database holds", () -> blockers(store.connection()));
    }

    private static Optional<String> blockers(Connection conn) throws SQLException {
        List<String> found = new ArrayList<>();
        for (RowCopy.Table table : tables(conn)) {
            long n = count(conn, table.name());
            if (n > 0 && n != SEEDED.getOrDefault(table.name(), 0L)) {
                found.add(n + " " + table.name());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private static long count(Connection conn, String table) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void writeRows(PgStore store, String doing, Consumer<RowCopy.RowSink> load) {
        store.transaction(doing, conn -> {
            PgWriteTransaction.lockChain(conn);
            Optional<String> blockers = blockers(conn); // again under the chain lock: no modq writer wrote meanwhile
            if (blockers.isPresent()) {
                throw new StoreException(store.address() + " is not empty (" + blockers.get() + "): copy only into a"
                        + " new or empty database, nothing was changed");
            }
            try (Statement st = conn.createStatement()) {
                st.execute("SET CONSTRAINTS ALL DEFERRED");  // a reply may arrive before its parent
            }
            Map<String, RowCopy.Table> known = new LinkedHashMap<>();
            for (RowCopy.Table t : tables(conn)) {
                known.put(t.name(), t);
            }
            try (Inserter inserter = new Inserter(conn, known)) {
                load.accept(inserter);
            } catch (PgWriteTransaction.UncheckedSql e) {
                throw e.getCause();
            }
            moveSequencesOn(conn);
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE audit_chain_lock SET last_id = (SELECT coalesce(max(id), 0) FROM audit_log)");
            }
            return null;
        });
    }

    /** Identity columns were bypassed by the explicit ids: the next default id must come after the copied ones. */
    static void moveSequencesOn(Connection conn) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rs.next()) {
                identities.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] id : identities) {
            try (Statement st = conn.createStatement()) {
                st.executeQuery("SELECT setval(pg_get_serial_sequence(" + literal(quote(id[0])) + ", " + literal(id[1])
                        + "), coalesce((SELECT max(" + quote(id[1]) + ") FROM " + quote(id[0]) + "), 0) + 1, false)").close();
            }
        }
    }

    /** Every table worth copying, a table after those its foreign keys point to. */
    static List<RowCopy.Table> tables(Connection conn) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name"
                + " FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                + " ORDER BY table_name")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : names) {
            parents.put(name, new LinkedHashSet<>());
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT c.conrelid::regclass::text,"
                + " c.confrelid::regclass::text FROM pg_constraint c WHERE c.contype = 'f'"
                + " AND c.connamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                String child = unquote(rs.getString(1));
                String parent = unquote(rs.getString(2));
                if (!child.equals(parent) && parents.containsKey(child) && names.contains(parent)) {
                    parents.get(child).add(parent);
                }
            }
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
            if (!progress) {
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
        try (PreparedStatement ps = conn.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static String orderBy(Connection conn, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass AND i.indisprimary"
                + " ORDER BY k.n")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(quote(rs.getString(1)));
                }
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
    }

    private static Object portable(Object value) {
        if (value instanceof Integer i) {
            return Long.valueOf(i);
        }
        if (value instanceof Short s) {
            return Long.valueOf(s);
        }
        if (value instanceof Float f) {
            return Double.valueOf(f);
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.scale() == 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        return value;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(PgRowCopy::quote).toList();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
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
                if (SEEDED.containsKey(next.name()) && count(conn, next.name()) > 0) { // a new database's own rows
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
                throw new PgWriteTransaction.UncheckedSql(e);
            }
        }

        @Override
        public void row(Object[] values) {
            if (table == null || values.length != width) {
                throw new IllegalStateException("row of " + values.length + " values for " + table);
            }
            try {
                for (int i = 0; i < width; i++) {
                    Object v = values[i];
                    if (v == null) {
                        insert.setNull(i + 1, Types.NULL);
                    } else if (v instanceof Boolean b) {
                        insert.setLong(i + 1, b ? 1L : 0L);
                    } else if (v instanceof String s && s.indexOf('\0') >= 0) {
                        throw new StoreException("table " + table.name() + " holds text with a NUL character, which"
                                + " PostgreSQL cannot store: remove it in the source first (row " + values[0] + ")");
                    } else {
                        insert.setObject(i + 1, v);
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw new PgWriteTransaction.UncheckedSql(e);
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
}
