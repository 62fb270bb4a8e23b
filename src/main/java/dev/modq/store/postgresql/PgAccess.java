package dev.modq.store.postgresql;

import dev.modq.store.WriteTransaction;
import dev.modq.store.jdbc.JdbcAccess;
import dev.modq.store.jdbc.JdbcBackend;
import dev.modq.store.jdbc.SqlDialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** What the shared store.jdbc code (SSH keys and sessions, the spam model) needs of a {@link PgStore}. */
final class PgAccess implements JdbcAccess.Connected, JdbcBackend {

    private final PgStore store;

    PgAccess(PgStore store) {
        this.store = store;
    }

    @Override
    public Connection connection() {
        return store.connection();
    }

    @Override
    public <T> T read(String doing, JdbcAccess.SqlCall<T> work) {
        return store.sql(doing, work::run);
    }

    @Override
    public <T> T write(String doing, Function<WriteTransaction, T> work) {
        return store.write(doing, work);
    }

    @Override
    public RuntimeException uncheckedInWrite(SQLException e) {
        return new PgWriteTransaction.UncheckedSql(e);
    }

    @Override
    public String where() {
        return store.address();
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    public <T> T snapshot(String doing, JdbcAccess.SqlCall<T> work) {
        return store.read(doing, work::run);
    }

    /** The driver streams only inside a transaction (with a fetch size): else it holds the whole result. */
    @Override
    public <T> T streamed(String doing, JdbcAccess.SqlCall<T> work) {
        return store.read(doing, work::run);
    }

    @Override
    public <T> T transaction(String doing, JdbcAccess.SqlCall<T> work) {
        return store.transaction(doing, connIgnored -> work.run());
    }

    @Override
    public RuntimeException unchecked(SQLException e) {
        return new PgWriteTransaction.UncheckedSql(e);
    }

    @Override
    public Optional<SQLException> sqlCause(RuntimeException e) {
        return e instanceof PgWriteTransaction.UncheckedSql u ? Optional.of(u.getCause()) : Optional.empty();
    }

    @Override
    public String firstLine(String message) {
        return PgErrors.firstLine(message);
    }
}
