package dev.modq.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For bulk loads into an empty comments table: the secondary indexes are dropped inside the load's transaction
 * and rebuilt from their own DDL at its end. Building an index once, sorted, is about three times less work
 * than maintaining six of them row by row; the schema text ends up identical, and a failed load rolls the
 * drop back with everything else. The UNIQUE (source_system, source_id) index stays: loads look rows up by it.
 */
final class DeferredIndexes {

    private final Connection conn;
    private final List<String> ddl;

    private DeferredIndexes(Connection conn, List<String> ddl) {
        this.conn = conn;
        this.ddl = ddl;
    }

    static DeferredIndexes whenCommentsEmpty(Connection conn) throws SQLException {
        if (!commentsEmpty(conn)) {
            return new DeferredIndexes(conn, List.of());
        }
        List<String> names = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                    + " AND tbl_name = 'comments' AND sql IS NOT NULL ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    ddl.add(rs.getString(2));
                }
            }
            for (String name : names) {
                st.executeUpdate("DROP INDEX \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
        return new DeferredIndexes(conn, ddl);
    }

    void rebuild() throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String statement : ddl) {
                st.executeUpdate(statement);
            }
        }
    }

    private static boolean commentsEmpty(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM comments)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
