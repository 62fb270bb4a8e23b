package dev.modq.store.postgresql;

import dev.modq.store.StoreException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * A PostgreSQL database address as a user gives it to {@code --db}: {@code postgresql://user@host:port/db},
 * {@code postgres://...} (libpq's URI forms) or {@code jdbc:postgresql://...}. The password never comes from the
 * address shown to anyone: it comes from {@code PGPASSWORD} or the driver's own {@code ~/.pgpass} lookup
 * ({@code PGPASSFILE}); a password written into the address is accepted (libpq accepts it) but never printed.
 */
public final class PgAddress {

    private static final String DEFAULT_PORT = "5432";

    private final String jdbcUrl;
    private final String user;
    private final String host;
    private final String port;
    private final String database;
    private final String shown;
    private final String password;  // only from the address itself; never shown

    private PgAddress(String jdbcUrl, String user, String host, String port, String database, String shown,
                      String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.host = host;
        this.port = port;
        this.database = database;
        this.shown = shown;
        this.password = password;
    }

    /** The driver's URL: no user and no password in it (they go in properties, out of every message). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public String port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The address as messages show it: {@code postgresql://user@host:port/db}, never a password. */
    public String shown() {
        return shown;
    }

    /** True when {@code address} names a PostgreSQL database rather than a SQLite file. */
    public static boolean isPostgres(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("postgresql://") || a.startsWith("postgres://") || a.startsWith("jdbc:postgresql:");
    }

    public static PgAddress parse(String address) {
        return parse(address, System::getenv);
    }

    static PgAddress parse(String address, Function<String, String> env) {
        if (!isPostgres(address)) {
            throw new StoreException("not a PostgreSQL address: " + redact(address)
                    + " (expected postgresql://user@host:port/database)");
        }
        String rest = address.substring(address.indexOf("//") + 2);
        if (address.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") && !address.contains("//")) {
            throw new StoreException("unsupported PostgreSQL address " + redact(address)
                    + ": write it as postgresql://user@host:port/database");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String database = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = decode(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        String host = decode(rest);
        String port = DEFAULT_PORT;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.endsWith("]")) {
            host = decode(rest.substring(0, colon));
            port = rest.substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                throw new StoreException("PostgreSQL address " + redact(address) + ": the port must be a number, not '"
                        + port + "'");
            }
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            if (key.equals("password")) {
                password = value;
            } else if (key.equals("user")) {
                user = value;
            } else {
                params.put(key, value);
            }
        }
        if (host.isEmpty()) {
            host = orDefault(env.apply("PGHOST"), "localhost");
        }
        if (host.startsWith("/")) {
            throw new StoreException("PostgreSQL address " + redact(address) + ": Unix-socket directories are not"
                    + " supported by the Java driver; use host:port (e.g. localhost:5432)");
        }
        if (database.isEmpty()) {
            database = orDefault(env.apply("PGDATABASE"), user != null ? user : "");
        }
        if (database.isEmpty()) {
            throw new StoreException("PostgreSQL address " + redact(address) + " names no database: add /DATABASE");
        }
        if (user == null || user.isEmpty()) {
            user = env.apply("PGUSER");
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"));
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(java.net.URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        String shown = "postgresql://" + (user == null || user.isEmpty() ? "" : user + "@") + host
                + (port.equals(DEFAULT_PORT) ? "" : ":" + port) + "/" + database;
        return new PgAddress(url.toString(), user, host, port, database, shown, password);
    }

    /** Connection properties: user, password (from the address, else PGPASSWORD; else the driver reads .pgpass). */
    Properties properties(Function<String, String> env) {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        String pw = password != null ? password : env.apply("PGPASSWORD");
        if (pw != null) {
            props.setProperty("password", pw);
        }
        props.setProperty("ApplicationName", "modq");
        // batches of INSERTs (audit rows, copies, bulk loads) go as multi-row statements: far fewer round trips
        props.setProperty("reWriteBatchedInserts", "true");
        return props;
    }

    Properties properties() {
        return properties(System::getenv);
    }

    @Override
    public String toString() {
        return shown;
    }

    /** The address with any password replaced by {@code ***}: fit for messages. */
    public static String redact(String address) {
        return address.replaceAll("(//[^/@?]*?):[^/@?]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
