package dev.modq.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a backend lends to the SQL both backends share (the spam model, {@code modq check}): its connection, its ways
 * of reading and writing on it, and the forms its errors take. The shared code never opens or commits anything itself.
 */
public interface JdbcBackend {

    Connection connection();

    /** The database, for messages and reports. */
    String where();

    SqlDialect dialect();

    /** Statements outside a transaction; an SQLException becomes the backend's one-line error. */
    <T> T read(String doing, JdbcAccess.SqlCall<T> work);

    /** Reads in one snapshot (a read transaction). */
    <T> T snapshot(String doing, JdbcAccess.SqlCall<T> work);

    /**
     * A read whose rows are taken one by one, as many as there are: however the backend streams (SQLite steps its
     * statement; PostgreSQL's driver streams only inside a transaction, with a fetch size).
     */
    <T> T streamed(String doing, JdbcAccess.SqlCall<T> work);

    /** One write transaction. */
    <T> T transaction(String doing, JdbcAccess.SqlCall<T> work);

    /** An SQLException inside {@link #transaction} or a sink, in the unchecked form the backend translates. */
    RuntimeException unchecked(SQLException e);

    /** The SQLException inside {@code e}, when {@code e} is the backend's unchecked form of one. */
    Optional<SQLException> sqlCause(RuntimeException e);

    /** An error message's first line, as the backend shows it. */
    String firstLine(String message);
}
