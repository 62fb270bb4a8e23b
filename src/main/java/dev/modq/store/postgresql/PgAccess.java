package dev.modq.store.postgresql;

import dev.modq.store.WriteTransaction;
import dev.modq.store.jdbc.JdbcAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/** What {@link JdbcAccess} (SSH keys and sessions) needs of a {@link PgStore}. */
final class PgAccess implements JdbcAccess.Connected {

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
}
