package dev.modq.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One throw-away database on the test PostgreSQL server; {@link #close()} drops it (closing its sessions). */
public final class PgDatabase implements AutoCloseable {

    private final PgCluster.Server server;
    private final String name;
    private boolean dropped;

    PgDatabase(PgCluster.Server server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** e.g. jdbc:postgresql://127.0.0.1:PORT/modq_t123_4?user=postgres */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** modq's address form, e.g. postgresql://postgres@127.0.0.1:PORT/modq_t123_4 (what --db takes). */
    public String address() {
        return server.address(name);
    }

    public PgCluster.Server server() {
        return server;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            server.dropQuietly(name);
        }
    }

    @Override
    public String toString() {
        return "PgDatabase[" + name + "]";
    }
}
