package dev.modq.store.sqlite;

import java.sql.SQLException;

/** A piece of JDBC work that may throw SQLException; the store translates it into a StoreException. */
@FunctionalInterface
public interface SqlWork<T> {
    T run() throws SQLException;
}
