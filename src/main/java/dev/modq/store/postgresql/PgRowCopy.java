package dev.modq.store.postgresql;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;
import dev.modq.store.jdbc.JdbcRowCopy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link RowCopy} on PostgreSQL: tables and columns read from the catalog (so later migrations' tables come too),
 * values as the integers and texts the schema documents; the copying itself is {@link JdbcRowCopy}'s, shared with
 * SQLite. Reading runs in one REPEATABLE READ snapshot, fetched a chunk at a time. Writing defers the deferrable
 * references to commit, moves every identity sequence past the highest id copied and sets the chain lock's last_id,
 * so the copied database continues exactly where the source stopped.
 */
final class PgRowCopy implements JdbcRowCopy.Catalog {

    /** Not copied: each database has its own history; the counts follow from the comments; the lock is PG's own. */
    static final Set<String> SKIPPED = Set.of("schema_migrations", "status_counts", "audit_chain_lock");

    /**
     * Rows a new database starts with, per table: what db/migrations/postgresql seeds (V005's one score_model row).
     * A table holding exactly that many does not block a copy; the source's rows replace them.
     */
    static final Map<String, Long> SEEDED = Map.of("score_model", 1L);

    private static final PgRowCopy CATALOG = new PgRowCopy();

    private PgRowCopy() {
    }

    static long readRows(PgStore store, RowCopy.RowSink sink) {
        return store.read("reading every table for the copy", () -> JdbcRowCopy.readRows(store.connection(), CATALOG, sink));
    }

    static Optional<String> copyBlockers(PgStore store) {
        return store.read("reading what the database holds", () -> JdbcRowCopy.blockers(store.connection(), CATALOG));
    }

    static void writeRows(PgStore store, String doing, Consumer<RowCopy.RowSink> load) {
        store.transaction(doing, conn -> {
            PgWriteTransaction.lockChain(conn);
            Optional<String> blockers = JdbcRowCopy.blockers(conn, CATALOG); // again under the chain lock
            if (blockers.isPresent()) {
                throw new StoreException(store.address() + " is not empty (" + blockers.get() + "): copy only into a"
                        + " new or empty database, nothing was changed");
            }
            try (Statement st = conn.createStatement()) {
                st.execute("SET CONSTRAINTS ALL DEFERRED");  // a reply may arrive before its parent
            }
            JdbcRowCopy.insertRows(conn, CATALOG, load);
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
                st.executeQuery("SELECT setval(pg_get_serial_sequence(" + JdbcRowCopy.literal(JdbcRowCopy.quote(id[0]))
                        + ", " + JdbcRowCopy.literal(id[1]) + "), coalesce((SELECT max(" + JdbcRowCopy.quote(id[1])
                        + ") FROM " + JdbcRowCopy.quote(id[0]) + "), 0) + 1, false)").close();
            }
        }
    }

    @Override
    public List<String> tableNames(Connection conn) throws SQLException {
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
        return names;
    }

    @Override
    public Map<String, Set<String>> parents(Connection conn, List<String> names) throws SQLException {
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
        return parents;
    }

    @Override
    public List<String> columns(Connection conn, String table) throws SQLException {
        return strings(conn, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", table);
    }

    @Override
    public List<String> primaryKey(Connection conn, String table) throws SQLException {
        return strings(conn, "SELECT a.attname FROM pg_index i"
                + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass AND i.indisprimary"
                + " ORDER BY k.n", table);
    }

    @Override
    public Map<String, Long> seeded(Connection conn) {
        return SEEDED;
    }

    @Override
    public Object portable(Object value) {
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

    /** Nulls typed as the driver needs; a NUL the service let through is refused (PostgreSQL text cannot hold it). */
    @Override
    public void bind(PreparedStatement insert, int index, Object value, String table, Object[] row) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof String s && s.indexOf('\0') >= 0) {
            throw new StoreException("table " + table + " holds text with a NUL character, which PostgreSQL cannot"
                    + " store: remove it in the source first (row " + row[0] + ")");
        } else {
            insert.setObject(index, value);
        }
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
    }

    private static List<String> strings(Connection conn, String sql, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
