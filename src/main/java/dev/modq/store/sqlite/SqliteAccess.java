package dev.modq.store.sqlite;

import dev.modq.store.WriteTransaction;
import dev.modq.store.jdbc.JdbcAccess;
import dev.modq.store.jdbc.JdbcBackend;
import dev.modq.store.jdbc.SqlDialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** What the shared store.jdbc code (SSH keys and sessions, the spam model) needs of a {@link SqliteStore}. */
final class SqliteAccess implements JdbcAccess.Connected, JdbcBackend {

    private final SqliteStore store;

    SqliteAccess(SqliteStore store) {
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
        return new SqliteWriteTransaction.UncheckedSql(e);
    }

    @Override
    public String where() {
        return store.path().toString();
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    @Override
    public <T> T snapshot(String doing, JdbcAccess.SqlCall<T> work) {
        return store.read(doing, work::run);
    }

    /** SQLite steps the statement as rows are taken: no transaction needed. */
    @Override
    public <T> T streamed(String doing, JdbcAccess.SqlCall<T> work) {
        return store.sql(doing, work::run);
    }

    @Override
    public <T> T transaction(String doing, JdbcAccess.SqlCall<T> work) {
        return store.writeRaw(doing, work::run);
    }

    @Override
    public RuntimeException unchecked(SQLException e) {
        return new SqliteWriteTransaction.UncheckedSql(e);
    }

    @Override
    public Optional<SQLException> sqlCause(RuntimeException e) {
        return e instanceof SqliteWriteTransaction.UncheckedSql u ? Optional.of(u.getCause()) : Optional.empty();
    }

    @Override
    public String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
