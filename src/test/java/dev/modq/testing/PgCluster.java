package dev.modq.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server that tests run against, and a fresh database per test.
 *
 * <p>Where the server comes from, in order: the env {@code MODQ_TEST_PG_URL} (a JDBC URL of a database on a
 * server where that user may CREATE DATABASE; {@code .ci/run} sets it); else a throw-away cluster this JVM starts
 * with {@code .ci/pg-cluster start --fast} when the PostgreSQL server binaries are installed (stopped when the
 * JVM exits); else, when the env {@code CI} is set, every PostgreSQL test FAILS (CI never silently skips the
 * PostgreSQL half); outside CI the PostgreSQL tests are skipped with the reason, printed once to stderr.
 * {@code MODQ_TEST_PG_OFF=1} acts as if there were no server, to try those two paths.
 *
 * <p>Use as an extension: {@code @ExtendWith(PgCluster.class)} and a {@link PgDatabase} parameter on a test
 * method gets a new, empty database that is dropped (WITH (FORCE)) after the test. Or call
 * {@link #createDatabase()} directly and close the result.
 */
public final class PgCluster implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    public static final String URL_ENV = "MODQ_TEST_PG_URL";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, String> TEMPLATES = new HashMap<>();
    private static Server server;
    private static String unavailable;

    /** The shared server: started or found once per JVM; skips (outside CI) or fails (in CI) when there is none. */
    public static synchronized Server server() {
        if (unavailableReason() == null) {
            return server;
        }
        if (inCi()) {
            throw new IllegalStateException("CI is set but there is no PostgreSQL to test against: " + unavailable
                    + " (.ci/run installs the 'postgresql' package and exports " + URL_ENV + ")");
        }
        throw new TestAbortedException("PostgreSQL tests skipped: " + unavailable);
    }

    /** Why there is no server to test against, or null when there is one (finding or starting it first). */
    public static synchronized String unavailableReason() {
        if (server == null && unavailable == null) {
            try {
                server = locate();
            } catch (RuntimeException e) {
                unavailable = e.getMessage();
                if (!inCi()) {
                    System.err.println("modq tests: PostgreSQL tests SKIPPED — " + unavailable);
                }
            }
        }
        return server != null ? null : unavailable;
    }

    /** A new empty database (from template0). Close it to drop it. */
    public static PgDatabase createDatabase() {
        return server().createDatabase("template0");
    }

    /** A new database cloned from {@code template} (see {@link #template}). Close it to drop it. */
    public static PgDatabase createDatabase(String template) {
        return server().createDatabase(template);
    }

    /**
     * A template database, built once per JVM by {@code init} (e.g. run the migrations) and then cloned by
     * {@link #createDatabase(String)}, which is much faster than migrating every test's database. Returns its name.
     */
    public static synchronized String template(String key, Consumer<PgDatabase> init) {
        String existing = TEMPLATES.get(key);
        if (existing != null) {
            return existing;
        }
        Server s = server();
        PgDatabase db = s.createDatabase("template0");
        init.accept(db);
        s.admin("ALTER DATABASE " + quote(db.name()) + " IS_TEMPLATE true");
        TEMPLATES.put(key, db.name());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.admin("ALTER DATABASE " + quote(db.name()) + " IS_TEMPLATE false");
            s.dropQuietly(db.name());
        }));
        return db.name();
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Outside CI, each test of a class that needs PostgreSQL is reported skipped, with the reason, when there is none. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = context.getTestMethod().isPresent() && !inCi() ? unavailableReason() : null;
        return reason == null ? ConditionEvaluationResult.enabled("PostgreSQL available (or CI: fail when not)")
                : ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + reason);
    }

    /** In CI, a class that needs PostgreSQL fails up front, loudly, when there is none. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (inCi()) {
            server();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == PgDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        PgDatabase db = createDatabase();
        // JUnit closes AutoCloseable values in the store when the test's context ends: the database is dropped.
        extension.getStore(ExtensionContext.Namespace.create(PgCluster.class, extension.getUniqueId()))
                .put(db.name(), db);
        return db;
    }

    private static Server locate() {
        if (System.getenv("MODQ_TEST_PG_OFF") != null) {
            throw new IllegalStateException("MODQ_TEST_PG_OFF is set (as if no PostgreSQL were installed)");
        }
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return Server.fromJdbcUrl(url.trim(), null);
        }
        Path script = Path.of(System.getProperty("modq.basedir", "."), ".ci", "pg-cluster");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + URL_ENV + " set and no " + script + " to start a cluster with");
        }
        if (!serverBinariesInstalled()) {
            throw new IllegalStateException("no " + URL_ENV + " set and no PostgreSQL server binaries"
                    + " (initdb, pg_ctl) on this machine; install the 'postgresql' package or run .ci/run");
        }
        return startCluster(script);
    }

    private static boolean serverBinariesInstalled() {
        String bindir = System.getenv("MODQ_PG_BINDIR");
        if (bindir != null && Files.isExecutable(Path.of(bindir, "initdb"))) {
            return true;
        }
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            if (dirs.anyMatch(d -> Files.isExecutable(d.resolve("bin/initdb")))) {
                return true;
            }
        } catch (IOException e) {
            // not the Debian layout; fall through to PATH
        }
        return Files.isExecutable(Path.of("/usr/bin/pg_config")) || Files.isExecutable(Path.of("/usr/local/bin/pg_config"));
    }

    private static Server startCluster(Path script) {
        Map<String, String> exports = runScript(script, "start", "--fast");
        String dir = exports.get("MODQ_PG_CLUSTER_DIR");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runScript(script, "stop", dir)));
        return Server.fromJdbcUrl(exports.get(URL_ENV), dir);
    }

    private static Map<String, String> runScript(Path script, String... args) {
        try {
            Path err = Files.createTempFile("modq-pg-cluster", ".err");
            String[] cmd = new String[args.length + 2];
            cmd[0] = "bash";
            cmd[1] = script.toString();
            System.arraycopy(args, 0, cmd, 2, args.length);
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", args) + " failed: "
                        + Files.readString(err).strip().replace('\n', ' '));
            }
            Files.deleteIfExists(err);
            return parseExports(out);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    static Map<String, String> parseExports(String out) {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)='([^']*)'").matcher(out);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        return vars;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** One PostgreSQL server: where it is and an admin connection for CREATE/DROP DATABASE. */
    public static final class Server {
        private final URI uri;            // postgresql://host:port/db?params (the JDBC URL without "jdbc:")
        private final String clusterDir;  // non-null when this JVM started the cluster
        private Connection admin;

        private Server(URI uri, String clusterDir) {
            this.uri = uri;
            this.clusterDir = clusterDir;
        }

        static Server fromJdbcUrl(String jdbcUrl, String clusterDir) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalStateException(URL_ENV + " must look like jdbc:postgresql://HOST:PORT/DB?user=NAME, got: " + jdbcUrl);
            }
            Server s = new Server(URI.create(jdbcUrl.substring("jdbc:".length())), clusterDir);
            s.admin("SELECT 1");
            return s;
        }

        /** The JDBC URL of the given database on this server, with the same user and options. */
        public String jdbcUrl(String database) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "jdbc:postgresql://" + uri.getHost() + ":" + port() + "/" + database + query;
        }

        /** modq's address form of the given database: postgresql://USER@HOST:PORT/DB. */
        public String address(String database) {
            String user = queryParam("user");
            String password = queryParam("password");
            String userInfo = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
            return "postgresql://" + userInfo + uri.getHost() + ":" + port() + "/" + database;
        }

        public String host() {
            return uri.getHost();
        }

        public int port() {
            return uri.getPort() < 0 ? 5432 : uri.getPort();
        }

        public String user() {
            return queryParam("user");
        }

        /** The directory of the cluster this JVM started, or null when the server came from {@value #URL_ENV}. */
        public String clusterDir() {
            return clusterDir;
        }

        private String queryParam(String name) {
            String q = uri.getQuery();
            if (q == null) {
                return null;
            }
            for (String kv : q.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && kv.substring(0, eq).equals(name)) {
                    return kv.substring(eq + 1);
                }
            }
            return null;
        }

        PgDatabase createDatabase(String template) {
            String name = "modq_t" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
            admin("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template));
            return new PgDatabase(this, name);
        }

        void dropQuietly(String name) {
            try {
                admin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("modq tests: could not drop database " + name + ": " + e.getMessage());
            }
        }

        synchronized void admin(String sql) {
            try {
                if (admin == null || !admin.isValid(2)) {
                    admin = DriverManager.getConnection("jdbc:" + uri);
                }
                try (Statement st = admin.createStatement()) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + uri.getHost() + ":" + port() + ": " + sql
                        + " failed: " + e.getMessage(), e);
            }
        }
    }
}
