package dev.modq.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The few spellings in which the SQL shared by both backends differs (the query language's own are
 * {@link dev.modq.store.sql.QuerySql.Dialect}): a list of numbers bound as one parameter, the larger of two values,
 * and the null-safe "differs".
 */
public enum SqlDialect {
    SQLITE,
    POSTGRESQL;

    /** {@code column} is one of the numbers bound, as one parameter, by {@link #bindNumbers}. */
    public String inNumbers(String column) {
        return this == SQLITE ? column + " IN (SELECT value FROM json_each(?))" : column + " = ANY (?)";
    }

    /** Binds {@code numbers} for {@link #inNumbers}: a JSON array on SQLite, an array of {@code pgType} on PostgreSQL. */
    public void bindNumbers(Connection conn, PreparedStatement ps, int index, Collection<? extends Number> numbers,
                            String pgType) throws SQLException {
        if (this == SQLITE) {
            ps.setString(index, numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        } else {
            ps.setArray(index, conn.createArrayOf(pgType, numbers.toArray()));
        }
    }

    /** The larger of two values (SQLite's two-argument max, PostgreSQL's GREATEST). */
    public String greatest(String a, String b) {
        return (this == SQLITE ? "max(" : "GREATEST(") + a + ", " + b + ")";
    }

    /** The null-safe "is not equal to". */
    public String distinctFrom() {
        return this == SQLITE ? "IS NOT" : "IS DISTINCT FROM";
    }
}
