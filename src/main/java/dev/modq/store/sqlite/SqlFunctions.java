package dev.modq.store.sqlite;

import dev.modq.core.query.IpAddresses;
import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;

/** SQL functions that queries rely on; register them on every connection before running a query. */
public final class SqlFunctions {

    private SqlFunctions() {
    }

    /** {@code modq_ip_in(ip, cidr)}: 1 when ip lies in the CIDR block, 0 otherwise (also for NULL or junk). */
    public static void register(Connection connection) throws SQLException {
        Function.create(connection, "modq_ip_in", new IpIn(), 2, Function.FLAG_DETERMINISTIC);
    }

    private static final class IpIn extends Function {
        @Override
        protected void xFunc() throws SQLException {
            result(IpAddresses.inCidr(value_text(0), value_text(1)) ? 1 : 0);
        }
    }
}
