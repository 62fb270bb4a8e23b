package dev.modq.it;

import dev.modq.testing.Tmux;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many writers on one database at once — a SQLite file, and a PostgreSQL database ({@link PgCluster}: skipped
 * outside CI without a server, failed in CI) — all of them real OS processes: CLI workers (each a sequence of
 * {@code java -jar modq.jar} invocations: random decisions on ids, versioned decisions from stdin that go stale,
 * {@code --where} bulk slices, undos, lists), two text UIs in tmux typing decisions, and a blog backend inserting
 * comments with plain SQL through the sqlite3 CLI (psql on PostgreSQL). Afterwards nothing is lost or invented:
 * <ul>
 *   <li>every comment's status is the to-status of its last audit entry;</li>
 *   <li>each CLI worker's audit rows equal the outcomes it was told were applied;</li>
 *   <li>every refusal was a conflict/not-found (exit 3) or a busy database (exit 1 with one clear line), never a
 *       success, and no output holds a stack trace or a raw SQLITE_BUSY;</li>
 *   <li>{@code modq check} and {@code modq log --verify} pass, and every insert of the backend landed.</li>
 * </ul>
 * One worker runs with a tiny busy timeout and the backend now and then holds the write lock for a while, so busy
 * refusals really happen. Sizes are system properties ({@code modq.stress.*}); defaults keep this near a minute on
 * 2 shared cores, and a time guard stops starting new work after {@code modq.stress.seconds}.
 * The random part only ever checks invariants that hold for any seed; what must happen at least once (an applied
 * decision, a stale-version conflict, each text UI starting and answering a key) is made to happen by a scripted
 * prelude, and the test fails when a text UI does not start.
 */
class StressIT {

    static final int COMMENTS = Integer.getInteger("modq.stress.comments", 3000);
    static final int CLI_WORKERS = Integer.getInteger("modq.stress.workers", 4);
    static final int INVOCATIONS = Integer.getInteger("modq.stress.invocations", 20);
    static final int BLOG_INSERTS = Integer.getInteger("modq.stress.inserts", 150);
    static final int SECONDS = Integer.getInteger("modq.stress.seconds", 75);
    static final long SEED = Long.getLong("modq.stress.seed", System.nanoTime());
    /** The worker with this index waits only this long for the write lock, so it meets busy refusals. */
    static final int IMPATIENT_WORKER = 0;
    static final int IMPATIENT_BUSY_MS = 3;
    /** Half the work goes to the first ids, where workers meet each other's stale reads. */
    static final int HOT = 400;

    private static final Pattern RESULT = Pattern.compile("\"result\":\"([a-z_]+)\"");
    private static final Pattern ID_VERSION = Pattern.compile("\"id\":(\\d+).*?\"version\":(\\d+)");
    /** A refusal because others held what was needed: SQLite's busy file, PostgreSQL's lock timeout or spent retries. */
    private static final Pattern BUSY_LINE = Pattern.compile("(?m)^modq: (database .* is locked by another writer \\(waited \\d+ ms"
            + "|timed out waiting for a lock on .* \\(another writer holds it\\)|.* gave up after \\d+ retr)");

    @TempDir
    Path dir;

    /** The database's address: a file path, or postgresql://... */
    private String db;
    private PgDatabase pg;
    private Path logs;
    private final Tmux tmux = new Tmux("modq-stress");
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /** What one CLI invocation printed and returned. */
    record Invocation(String worker, int n, List<String> args, int exit, String out, String err,
                      Map<String, Integer> results) {
        int count(String result) {
            return results.getOrDefault(result, 0);
        }

        boolean busy() {
            return exit == 1 && BUSY_LINE.matcher(err).find();
        }

        @Override
        public String toString() {
            return worker + "#" + n + " " + args + " -> exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    @AfterEach
    void dropDatabase() {
        if (pg != null) {
            pg.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void manyProcessesAtOnceLoseNothingAndInventNothing(String backend) throws Exception {
        if (backend.equals("postgresql")) {
            pg = PgCluster.createDatabase(); // skips outside CI when there is no server; fails in CI
            db = pg.address();
        } else {
            db = dir.resolve("stress.db").toString();
        }
        logs = Files.createDirectories(dir.resolve("logs"));
        System.out.println("StressIT on " + backend + ": seed " + SEED + " (rerun with -Dmodq.stress.seed=" + SEED + ")");
        setUp();
        long maxId = longValue("SELECT max(id) FROM comments");
        Map<Long, Long> initialVersions = versions();

        boolean hasTmux = Tmux.installed();
        assertTrue(hasTmux, "tmux is needed to drive the two text UIs (.ci/run installs it)");
        if (pg == null) {
            assumeTrue(commandWorks("sqlite3", "-version"), "the sqlite3 CLI is needed for the blog backend");
        } else {
            assertTrue(commandWorks("psql", "--version"), "psql is needed for the blog backend (the postgresql package)");
        }
        List<Invocation> prelude = stalePrelude();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>(prelude));
        List<Thread> threads = new ArrayList<>();

        // the blog backend: one bash process running sqlite3 inserts one after another
        Process blog = startBlogBackend();

        // the text UIs, typing in tmux
        List<String> tuis = new ArrayList<>();
        AtomicInteger tuiKeys = new AtomicInteger();
        for (int t = 1; t <= 2; t++) {
            String name = "tui" + t;
            startTui(name);
            tuis.add(name);
            long tuiSeed = SEED + 1000 + t;
            Thread th = new Thread(() -> driveTui(name, new Random(tuiSeed), deadline, tuiKeys), name);
            threads.add(th);
        }
        for (String name : tuis) {
            answersAKey(name);
        }

        for (int w = 0; w < CLI_WORKERS; w++) {
            String name = "cli" + (w + 1);
            Random random = new Random(SEED + w);
            Map<String, String> env = w == IMPATIENT_WORKER
                    ? Map.of("MODQ_BUSY_TIMEOUT_MS", String.valueOf(IMPATIENT_BUSY_MS)) : Map.of();
            Thread th = new Thread(() -> cliWorker(name, random, env, maxId, initialVersions, deadline, invocations), name);
            threads.add(th);
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join(TimeUnit.SECONDS.toMillis(SECONDS + 60));
        }
        boolean blogDone = blog.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())) + 30,
                TimeUnit.SECONDS);
        if (!blogDone) {
            blog.destroyForcibly();
        }
        Map<String, Integer> tuiExits = new LinkedHashMap<>();
        for (String name : tuis) {
            tuiExits.put(name, quitTui(name));
        }
        tmux.kill();
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        // ---- the numbers ----
        Map<String, Long> auditByModerator = auditByModerator();
        long invocationsRun = invocations.size();
        long decided = 0;
        long applied = 0;
        long conflicts = 0;
        long notFound = 0;
        long unchanged = 0;
        long busy = 0;
        Map<String, Long> appliedByWorker = new HashMap<>();
        for (Invocation inv : invocations) {
            decided += inv.results().values().stream().mapToInt(Integer::intValue).sum();
            applied += inv.count("applied");
            conflicts += inv.count("conflict");
            notFound += inv.count("not_found");
            unchanged += inv.count("unchanged");
            busy += inv.busy() ? 1 : 0;
            appliedByWorker.merge(inv.worker(), (long) inv.count("applied"), Long::sum);
        }
        long tuiAudit = tuis.stream().mapToLong(t -> auditByModerator.getOrDefault(t, 0L)).sum();
        long blogLanded = longValue("SELECT count(*) FROM comments WHERE source_system = 'blog'");
        long auditRows = longValue("SELECT count(*) FROM audit_log");
        int processes = CLI_WORKERS + tuis.size() + 1;
        System.out.println("StressIT: " + processes + " writer processes at once (" + CLI_WORKERS + " CLI workers, "
                + tuis.size() + " text UIs in tmux, 1 blog backend), " + COMMENTS + " comments + " + BLOG_INSERTS
                + " inserted, " + wallMs + " ms");
        System.out.println("StressIT: CLI: " + invocationsRun + " invocations, " + decided + " decision outcomes: "
                + applied + " applied, " + conflicts + " conflict, " + notFound + " not found, " + unchanged
                + " unchanged; " + busy + " invocations refused as busy");
        System.out.println("StressIT: text UIs: " + tuiKeys.get() + " keys sent, " + tuiAudit + " audit entries ("
                + tuis.stream().map(t -> t + " " + auditByModerator.getOrDefault(t, 0L)).toList() + "), exits " + tuiExits);
        System.out.println("StressIT: blog backend: " + blogLanded + " of " + BLOG_INSERTS + " inserts landed; audit log "
                + auditRows + " entries");
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (Invocation inv : invocations) {
            String a = String.join(" ", inv.args());
            String kind = inv.args().get(0).equals("undo") || inv.args().get(0).equals("list") ? inv.args().get(0)
                    : a.contains("--where") ? "bulk --where" : inv.args().contains("-") ? "versioned stdin" : "ids";
            kinds.merge(kind + (inv.exit() == 0 ? "" : " (exit " + inv.exit() + ")"), 1L, Long::sum);
        }
        System.out.println("StressIT: CLI invocations by kind: " + kinds);
        invocations.stream().filter(Invocation::busy).findFirst().ifPresent(inv ->
                System.out.println("StressIT: a busy refusal, exit 1: " + inv.err().strip()));
        invocations.stream().flatMap(inv -> inv.err().lines()).filter(l -> l.contains(": conflict: ")).findFirst()
                .ifPresent(l -> System.out.println("StressIT: a conflict, exit 3: " + l));
        System.out.println("StressIT: per worker applied reported/audit: " + appliedByWorker.keySet().stream().sorted()
                .map(w -> w + " " + appliedByWorker.get(w) + "/" + auditByModerator.getOrDefault(w, 0L)).toList());

        // ---- (c) every invocation told the truth, in one clear line ----
        for (Invocation inv : invocations) {
            checkInvocation(inv);
        }
        // ---- (b) every applied outcome reported is one audit row, and no audit row was not reported ----
        for (int w = 0; w < CLI_WORKERS; w++) {
            String name = "cli" + (w + 1);
            if (!appliedByWorker.getOrDefault(name, 0L).equals(auditByModerator.getOrDefault(name, 0L))) {
                problems.add(name + ": reported applied " + appliedByWorker.getOrDefault(name, 0L) + " but the audit log has "
                        + auditByModerator.getOrDefault(name, 0L) + " entries by it");
            }
        }
        // ---- (a) status is the to-status of the last audit entry ----
        long mismatched = longValue("SELECT count(*) FROM comments c JOIN audit_log a"
                + " ON a.id = (SELECT max(id) FROM audit_log WHERE comment_id = c.id) WHERE a.to_status <> c.status");
        if (mismatched != 0) {
            problems.add(mismatched + " comments whose status is not the to-status of their last audit entry");
        }
        long versionMismatch = longValue("SELECT count(*) FROM comments c JOIN audit_log a"
                + " ON a.id = (SELECT max(id) FROM audit_log WHERE comment_id = c.id) WHERE a.version_after <> c.version");
        if (versionMismatch != 0) {
            problems.add(versionMismatch + " comments whose version is not the version_after of their last audit entry");
        }
        long badBatches = longValue("SELECT count(*) FROM batches b"
                + " WHERE b.size <> (SELECT count(*) FROM audit_log a WHERE a.batch_id = b.id AND a.moderator = b.moderator)");
        // roster changes and purges carry a batch id but no batches row: they cannot be undone
        long orphanRows = longValue("SELECT count(*) FROM audit_log a WHERE a.action IN"
                + " ('approve', 'reject', 'flag', 'undo') AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = a.batch_id)");
        if (badBatches != 0 || orphanRows != 0) {
            problems.add(badBatches + " batches whose size is not their audit rows; " + orphanRows
                    + " audit rows without a batch");
        }
        // ---- text UIs and the backend ended well ----
        for (Map.Entry<String, Integer> e : tuiExits.entrySet()) {
            String err = ChildJvm.read(logs, e.getKey(), "err");
            if (e.getValue() != 0 || leaks(err)) {
                problems.add(e.getKey() + ": exit " + e.getValue() + ", stderr:\n" + err);
            }
        }
        String blogErr = ChildJvm.read(logs, "blog", "err");
        if (!blogDone || blog.exitValue() != 0 || blogLanded != BLOG_INSERTS) {
            problems.add("blog backend: " + (blogDone ? "exit " + blog.exitValue() : "did not finish") + ", " + blogLanded
                    + " of " + BLOG_INSERTS + " landed; stderr:\n" + blogErr);
        }
        // ---- (d) the whole file is sound ----
        CliRun check = CliRun.run("check", "--db", db);
        if (check.code() != 0) {
            problems.add("modq check: " + check);
        }
        CliRun verify = CliRun.run("log", "--verify", "--db", db);
        if (verify.code() != 0) {
            problems.add("modq log --verify: " + verify);
        }
        assertTrue(invocationsRun >= CLI_WORKERS, "the workers ran");
        assertEquals(List.of(0, 3), prelude.stream().skip(1).map(Invocation::exit).toList(), prelude.toString());
        assertEquals(1, prelude.get(1).count("applied"), prelude.get(1).toString());
        assertEquals(1, prelude.get(2).count("conflict"), "a decision on a stale version is a conflict: " + prelude.get(2));
        assertEquals(List.of(), problems, String.join("\n\n", problems));
    }

    // ------------------------------------------------------------------ set-up

    private void setUp() throws Exception {
        CliRun demo = CliRun.run("demo", "--comments", String.valueOf(COMMENTS), "--no-open", "--db", db);
        assertEquals(0, demo.code(), demo.toString());
        List<String> moderators = new ArrayList<>();
        for (int w = 1; w <= CLI_WORKERS; w++) {
            moderators.add("cli" + w);
        }
        moderators.add("tui1");
        moderators.add("tui2");
        for (String m : moderators) {
            CliRun add = CliRun.run("moderator", "add", m, "--role", "moderator", "--db", db);
            assertEquals(0, add.code(), add.toString());
        }
    }

    /**
     * Scripted, so it does not depend on the seed: cli1 reads comment 1's version, cli2 then changes the comment, and
     * cli1's decision with the version it read must come back as a conflict (exit 3). Returns the three invocations.
     */
    private List<Invocation> stalePrelude() {
        List<String> read = List.of("list", "--status", "all", "--where", "id:1", "--format", "jsonl", "--fields",
                "id,version,status", "--as", "cli1", "--db", db);
        Invocation seen = invoke("cli1", -3, read, Map.of(), null);
        assertEquals(0, seen.exit(), seen.toString());
        Matcher m = ID_VERSION.matcher(seen.out());
        assertTrue(m.find(), seen.toString());
        long version = Long.parseLong(m.group(2));
        String verb = seen.out().contains("\"status\":\"approved\"") ? "flag" : "approve";
        Invocation change = invoke("cli2", -2, List.of(verb, "1", "--format", "jsonl", "--as", "cli2", "--db",
                db), Map.of(), null);
        Invocation stale = invoke("cli1", -1, List.of("reject", "-", "--reason", "spam", "--format", "jsonl", "--as",
                "cli1", "--db", db), Map.of(), "{\"id\":1,\"version\":" + version + "}\n");
        return List.of(seen, change, stale);
    }

    private Connection connect() throws SQLException {
        return pg == null ? TestDb.connect(Path.of(db)) : pg.connect();
    }

    private long longValue(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<Long, Long> versions() throws Exception {
        Map<Long, Long> versions = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, version FROM comments")) {
            while (rs.next()) {
                versions.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return versions;
    }

    private Map<String, Long> auditByModerator() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT moderator, count(*) FROM audit_log GROUP BY moderator")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------ CLI workers

    private void cliWorker(String name, Random random, Map<String, String> env, long maxId, Map<Long, Long> initial,
                           long deadline, List<Invocation> into) {
        // versions this worker read some time ago: using them later makes real, stale-read conflicts
        Map<Long, Long> seen = new HashMap<>(initial);
        List<Long> seenIds = new ArrayList<>(seen.keySet());
        Collections.sort(seenIds);
        String[] verbs = {"approve", "reject", "flag"};
        for (int n = 0; n < INVOCATIONS && System.nanoTime() < deadline; n++) {
            List<String> args = new ArrayList<>();
            String stdin = null;
            int kind = random.nextInt(100);
            String verb = verbs[random.nextInt(verbs.length)];
            if (kind < 25) {
                // ids as arguments, a few beyond the last one (not found)
                args.add(verb);
                int k = 5 + random.nextInt(55);
                for (int i = 0; i < k; i++) {
                    args.add(String.valueOf(random.nextBoolean() ? 1 + random.nextInt(HOT)
                            : 1 + random.nextInt((int) maxId + BLOG_INSERTS + 10)));
                }
            } else if (kind < 50) {
                // JSON lines with the versions this worker saw earlier
                args.add(verb);
                args.add("-");
                StringBuilder sb = new StringBuilder();
                int k = 10 + random.nextInt(140);
                int start = random.nextInt(Math.max(1, (random.nextBoolean() ? HOT : seenIds.size()) - k));
                for (int i = 0; i < k && start + i < seenIds.size(); i++) {
                    long id = seenIds.get(start + i);
                    sb.append("{\"id\":").append(id).append(",\"version\":").append(seen.get(id)).append("}\n");
                }
                stdin = sb.toString();
            } else if (kind < 72) {
                // a bulk decision on a small slice
                args.add(verb);
                long from = 1 + random.nextInt(random.nextInt(3) == 0 ? HOT : (int) maxId + BLOG_INSERTS);
                long to = from + 20 + random.nextInt(280);
                String status = random.nextBoolean() ? " status:pending" : "";
                args.add("--where");
                args.add("id:>=" + from + " id:<" + to + status);
            } else if (kind < 87) {
                args.add("undo");
            } else {
                // read a slice now; its versions are used (and go stale) in later invocations
                long from = 1 + random.nextInt(random.nextBoolean() ? HOT : (int) maxId);
                args.addAll(List.of("list", "--status", "all", "--where", "id:>=" + from + " id:<" + (from + 200),
                        "--format", "jsonl", "--fields", "id,version"));
            }
            if (verb.equals("reject") && !args.get(0).equals("undo") && !args.get(0).equals("list")) {
                args.add("--reason");
                args.add("spam");
            }
            if (!args.get(0).equals("list")) {
                args.add("--format");
                args.add("jsonl");
            }
            args.add("--as");
            args.add(name);
            args.add("--db");
            args.add(db);
            Invocation inv = invoke(name, n, args, env, stdin);
            into.add(inv);
            if (args.get(0).equals("list") && inv.exit() == 0) {
                Matcher m = ID_VERSION.matcher(inv.out());
                while (m.find()) {
                    seen.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
                seenIds = new ArrayList<>(seen.keySet());
                Collections.sort(seenIds);
            }
        }
    }

    private Invocation invoke(String worker, int n, List<String> args, Map<String, String> env, String stdin) {
        String log = worker + "-" + n;
        try {
            List<String> cmd = new ArrayList<>(List.of(ChildJvm.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", ChildJvm.jar().toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            pb.environment().remove("MODQ_DB");
            pb.redirectOutput(logs.resolve(log + ".out").toFile());
            pb.redirectError(logs.resolve(log + ".err").toFile());
            Path in = logs.resolve(log + ".in");
            Files.writeString(in, stdin == null ? "" : stdin);
            pb.redirectInput(in.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                problems.add(log + " " + args + " hung for 60 s");
            }
            String out = ChildJvm.read(logs, log, "out");
            String err = ChildJvm.read(logs, log, "err");
            Map<String, Integer> results = new HashMap<>();
            if (!args.get(0).equals("list")) {
                Matcher m = RESULT.matcher(out);
                while (m.find()) {
                    results.merge(m.group(1), 1, Integer::sum);
                }
            }
            return new Invocation(worker, n, args, p.exitValue(), out, err, results);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkInvocation(Invocation inv) {
        String cmd = inv.args().get(0);
        if (leaks(inv.out()) || leaks(inv.err())) {
            problems.add("a stack trace or raw SQLite error leaked: " + inv);
            return;
        }
        int failures = inv.count("conflict") + inv.count("not_found");
        switch (inv.exit()) {
            case 0 -> {
                if (failures > 0) {
                    problems.add("refused outcomes reported with exit 0: " + inv);
                }
            }
            case 1 -> {
                boolean nothingToUndo = cmd.equals("undo") && inv.err().contains("modq: nothing to undo");
                if (!inv.busy() && !nothingToUndo) {
                    problems.add("exit 1 without a busy-database or nothing-to-undo line: " + inv);
                }
                if (!inv.results().isEmpty()) {
                    problems.add("exit 1 but outcomes were printed: " + inv);
                }
                if (inv.err().strip().lines().count() != 1) {
                    problems.add("a failure should be one line: " + inv);
                }
            }
            case 3 -> {
                long lines = inv.err().lines().filter(l -> l.matches("modq: \\d+: (conflict: .*|not found)")).count();
                if (failures == 0 || lines != failures) {
                    problems.add("exit 3 should list each conflict/not-found on stderr (" + failures + " in jsonl, "
                            + lines + " lines): " + inv);
                }
            }
            default -> problems.add("unexpected exit code: " + inv);
        }
    }

    static boolean leaks(String text) {
        return text.contains("Exception in thread") || text.contains("\tat ") || text.contains("at dev.modq")
                || text.contains("SQLITE_BUSY") || text.contains("SQLITE_LOCKED") || text.contains("SQLException")
                || text.contains("org.postgresql");
    }

    // ------------------------------------------------------------------ blog backend

    /**
     * The blog backend, inserting comments one after another; every 10th insert holds its transaction open for a
     * while. SQLite: one bash process running the sqlite3 shell per insert, the 10th holding the write lock ~0.2 s.
     * PostgreSQL: one psql session (a blog server keeps its connection), the 10th holding the pending count's row
     * lock (the count trigger updated it) for 0.2 s.
     */
    private Process startBlogBackend() throws IOException {
        return pg == null ? startSqliteBlog() : startPsqlBlog();
    }

    private Process startSqliteBlog() throws IOException {
        String insert = "INSERT INTO comments (post_id, author_name, author_email, author_ip, body, source_system, source_id)"
                + " VALUES (1, 'Blog reader '||$i, 'reader'||$i||'@example.com', '198.51.100.7',"
                + " 'A comment from the blog, number '||$i, 'blog', 'stress-'||$i);";
        String hold = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000)"
                + " SELECT count(*) FROM c;";
        String script = "fail=0\n"
                + "for i in $(seq 1 " + BLOG_INSERTS + "); do\n"
                + "  if [ $((i % 10)) -eq 0 ]; then sql=\"BEGIN IMMEDIATE; " + insert + " " + hold + " COMMIT;\";\n"
                + "  else sql=\"" + insert + "\"; fi\n"
                + "  if ! sqlite3 -bail -cmd '.timeout 10000' '" + db + "' \"$sql\" >/dev/null; then\n"
                + "    echo \"insert $i failed\" >&2; fail=$((fail+1)); fi\n"
                + "  sleep 0.1\n"
                + "done\n"
                + "exit $fail\n";
        Files.writeString(logs.resolve("blog.sh"), script);
        return startLogged("blog", "bash", logs.resolve("blog.sh").toString());
    }

    private Process startPsqlBlog() throws IOException {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= BLOG_INSERTS; i++) {
            String insert = "INSERT INTO comments (post_id, author_name, author_email, author_ip, body, source_system,"
                    + " source_id) VALUES (1, 'Blog reader " + i + "', 'reader" + i + "@example.com', '198.51.100.7',"
                    + " 'A comment from the blog, number " + i + "', 'blog', 'stress-" + i + "');\n";
            sql.append(i % 10 == 0 ? "BEGIN;\n" + insert + "SELECT pg_sleep(0.2);\nCOMMIT;\n" : insert);
            sql.append("SELECT pg_sleep(0.1);\n");
        }
        Files.writeString(logs.resolve("blog.sql"), sql);
        // errors go to stderr (each failed insert one ERROR line) and the landed count is checked afterwards
        return startLogged("blog", "psql", "-q", "-X", "-v", "ON_ERROR_STOP=0", db, "-f", logs.resolve("blog.sql").toString());
    }

    private Process startLogged(String name, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(logs.resolve(name + ".out").toFile());
        pb.redirectError(logs.resolve(name + ".err").toFile());
        return pb.start();
    }

    // ------------------------------------------------------------------ text UIs in tmux

    private void startTui(String name) throws Exception {
        String cmd = ChildJvm.java() + " -XX:TieredStopAtLevel=1 -jar " + ChildJvm.jar() + " --db " + db + " --as " + name
                + " 2>" + logs.resolve(name + ".err") + "; echo $? >" + logs.resolve(name + ".exit") + "; sleep 120";
        assertEquals(0, tmux.run("new-session", "-d", "-x", "100", "-y", "30", "-s", name, cmd));
        String screen = waitForScreen(name, s -> s.contains("[Pending"), 30);
        assertTrue(screen.contains("[Pending"), name + " never showed its queue within 30 s; the screen:\n" + screen
                + "\nstderr:\n" + ChildJvm.read(logs, name, "err"));
    }

    /** A first, scripted key: the text UI must answer an approval with its outcome on the message line. */
    private void answersAKey(String name) throws Exception {
        tmux.run("send-keys", "-t", name, "a");
        Pattern answer = Pattern.compile("Approved #\\d+|: not applied|is already approved|Not applied: ");
        String screen = waitForScreen(name, s -> answer.matcher(s).find(), 30);
        assertTrue(answer.matcher(screen).find(), name + " did not answer its first key within 30 s:\n" + screen);
    }

    private String waitForScreen(String name, java.util.function.Predicate<String> wanted, int seconds)
            throws Exception {
        return tmux.waitUntil(name, wanted, java.time.Duration.ofSeconds(seconds));
    }

    /** Random decisions, undos and moves, about ten keys a second. */
    private void driveTui(String name, Random random, long deadline, AtomicInteger sent) {
        String[][] moves = {{"a"}, {"a"}, {"r", "s"}, {"r", "Enter"}, {"f"}, {"u"}, {"j"}, {"j", "j"}, {"k"}};
        try {
            while (System.nanoTime() < deadline - TimeUnit.SECONDS.toNanos(5)) {
                String[] keys = moves[random.nextInt(moves.length)];
                List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
                args.addAll(List.of(keys));
                tmux.run(args.toArray(new String[0]));
                sent.addAndGet(keys.length);
                Thread.sleep(60 + random.nextInt(80));
            }
        } catch (Exception e) {
            problems.add(name + ": driving failed: " + e);
        }
    }

    private int quitTui(String name) throws Exception {
        Path exit = logs.resolve(name + ".exit");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String screen = tmux.capture(name);
        while (System.nanoTime() < until && !Files.exists(exit)) {
            tmux.run("send-keys", "-t", name, "Escape");
            Thread.sleep(200);
            tmux.run("send-keys", "-t", name, "q");
            Thread.sleep(500);
        }
        if (!Files.exists(exit)) {
            problems.add(name + " did not quit; the screen:\n" + screen);
            return -1;
        }
        if (leaks(screen)) {
            problems.add(name + ": the screen shows an error trace:\n" + screen);
        }
        Thread.sleep(100);
        return Integer.parseInt(Files.readString(exit).strip());
    }

    private static boolean commandWorks(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
