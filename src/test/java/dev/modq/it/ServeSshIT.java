package dev.modq.it;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import dev.modq.testing.Tmux;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code modq serve} end to end with the real OpenSSH client: keys made by ssh-keygen, the queue driven in tmux
 * (a private socket), commands and pipelines through {@code ssh HOST COMMAND}, and every refused thing refused.
 * One server for the class; the SIGTERM test runs last and stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeSshIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static Path dir;
    static Path db;
    static int port;
    static Process server;
    static final Tmux tmux = new Tmux("modq-serve-it");

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        assumeTrue(runs("ssh", "-V") && runs("ssh-keygen", "-?") , "the OpenSSH client is not installed (.ci/run installs it)");
        dir = Files.createTempDirectory("modq-serve-it");
        db = dir.resolve("comments.db");
        TestDb.create(db).close();
        TestDb.seed(db, 40);
        TestDb.sql(db, "UPDATE comments SET body = char(27) || '[2J' || char(27) || ']0;pwned' || char(7)"
                + " || 'Hostile text here' WHERE id = 9");
        for (String name : List.of("alice", "vic", "stranger")) {
            exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "@test", "-f",
                    dir.resolve(name).toString()), WAIT);
        }
        addKey("alice");
        addKey("vic");
        assertEquals(0, CliRun.onDb(db, new ByteArrayInputStream(new byte[0]), null, "moderator", "remove", "vic").code());
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = ChildJvm.start(List.of(), List.of(), List.of("serve", "--db", db.toString(), "--listen",
                "127.0.0.1:" + port, "--state-dir", dir.resolve("state").toString()), dir, "serve");
        long until = System.nanoTime() + WAIT.toNanos();
        while (!ChildJvm.read(dir, "serve", "err").contains("listening on") && System.nanoTime() < until) {
            assertTrue(server.isAlive(), () -> "the server died: " + ChildJvm.read(dir, "serve", "err"));
            Thread.sleep(100);
        }
        assertTrue(ChildJvm.read(dir, "serve", "err").contains("listening on 127.0.0.1:" + port),
                ChildJvm.read(dir, "serve", "err"));
    }

    @AfterAll
    static void stop() throws Exception {
        tmux.run("kill-server");
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void theHostKeyIsPrivateAndItsFingerprintIsPrinted() throws Exception {
        Path key = dir.resolve("state").resolve("ssh_host_ed25519_key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        Result fp = exec(List.of("ssh-keygen", "-lf", key.toString()), WAIT);
        String printed = fp.out().split(" ")[1];
        assertTrue(ChildJvm.read(dir, "serve", "err").contains("host key " + printed), fp.out());
    }

    @Test
    @Order(2)
    void anUnknownKeyAndARemovedModeratorAreRefusedWithOneLineSayingHowToGetAccess() throws Exception {
        Result stranger = ssh("stranger", "count");
        assertEquals(1, stranger.code(), stranger.toString());
        assertEquals(1, stranger.err().strip().lines().count(), stranger.toString());
        assertTrue(stranger.err().contains("is not registered here: ask an admin to run `modq moderator key add"),
                stranger.toString());
        assertEquals("", stranger.out());
        Result vic = ssh("vic", "count");
        assertEquals(1, vic.code(), vic.toString());
        assertTrue(vic.err().contains("moderator vic is removed: ask an admin to run `modq moderator add vic`"),
                vic.toString());
        assertEquals(2, TestDb.longValue(db, "SELECT count(*) FROM ssh_sessions WHERE kind = 'refused'"));
    }

    @Test
    @Order(3)
    void anExecPipelineDecidesAsTheKeysModeratorWithTheRightExitCodes() throws Exception {
        String pipeline = String.join(" ", quoted(sshCommand("alice", "list", "--format", "ids", "--limit", "5")))
                + " | " + String.join(" ", quoted(sshCommand("alice", "reject", "-", "--reason", "spam")));
        Result r = exec(List.of("bash", "-c", "set -o pipefail; " + pipeline), WAIT);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("modq: rejected 5"), r.toString());
        assertEquals("alice", TestDb.stringValue(db, "SELECT group_concat(DISTINCT moderator) FROM audit_log"
                + " WHERE action = 'reject'"));
        assertEquals(5, TestDb.longValue(db, "SELECT count(*) FROM comments WHERE status = 'rejected'"));
        for (String format : List.of("table", "json")) {
            Result hostile = ssh("alice", "show", "9", "--format", format);
            assertEquals(0, hostile.code(), hostile.toString());
            assertFalse(hostile.out().contains("\u001b") || hostile.out().contains("\u0007"), hostile.out());
            assertTrue(hostile.out().contains(format.equals("json") ? "\\u001B[2J" : "^[[2J^[]0;pwned^G"), hostile.out());
        }
        Result usage = ssh("alice", "list", "--no-such-option");
        assertEquals(2, usage.code(), usage.toString());
        Result partial = ssh("alice", "approve", "6", "99999");
        assertEquals(3, partial.code(), partial.toString());
        Result quotedWhere = ssh("alice", "count --where 'author:author3 status:pending'");
        assertEquals(0, quotedWhere.code(), quotedWhere.toString());
        assertEquals(String.valueOf(TestDb.longValue(db, "SELECT count(*) FROM comments WHERE author_name = 'author3'"
                + " AND status = 'pending'")), quotedWhere.out().strip());
    }

    @Test
    @Order(4)
    void everythingBeyondModqIsRefused() throws Exception {
        Result noPty = ssh("alice", List.of("-T"));
        assertEquals(1, noPty.code(), noPty.toString());
        assertTrue(noPty.err().contains("no terminal was asked for: `ssh -t HOST` opens the queue"), noPty.toString());
        Result dbOption = ssh("alice", "--", "--db", "/etc/passwd", "count");
        assertEquals(2, dbOption.code(), dbOption.toString());
        assertTrue(dbOption.err().contains("--db is not available over SSH"), dbOption.toString());
        Result fileImport = ssh("alice", "import", "/etc/passwd");
        assertEquals(2, fileImport.code(), fileImport.toString());
        Result remoteForward = ssh("alice", List.of("-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"));
        assertEquals(255, remoteForward.code(), remoteForward.toString());
        Result stdioForward = ssh("alice", List.of("-W", "127.0.0.1:" + port));
        assertEquals(255, stdioForward.code(), stdioForward.toString());
        Result sftp = ssh("alice", List.of("-s"), "sftp");
        assertTrue(sftp.code() != 0, sftp.toString());
        Result password = exec(List.of("ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "BatchMode=yes", "-o", "PubkeyAuthentication=no",
                "-o", "PreferredAuthentications=password,keyboard-interactive", "-p", String.valueOf(port),
                "alice@127.0.0.1", "count"), WAIT);
        assertEquals(255, password.code(), password.toString());
        assertTrue(password.err().contains("Permission denied (publickey)"), password.toString());
    }

    /** Sessions are never killed one by one: killing the last one stops the tmux server, racing the next new-session. */
    @Test
    @Order(5)
    void theQueueOpensAsTheKeysModeratorDecidesResizesAndQuitsCleanly() throws Exception {
        tmux.run("new-session", "-d", "-s", "q", "-x", "80", "-y", "24",
                String.join(" ", quoted(sshCommand("alice", List.of("-t")))) + "; echo EXIT=$?; sleep 600");
        String screen = tmux.waitUntil("q", s -> s.contains("alice (moderator)") && s.contains("Pending"), WAIT);
        assertTrue(screen.contains(" comments.db  alice (moderator)"), screen);
        tmux.run("send-keys", "-t", "q", "g");
        tmux.run("send-keys", "-t", "q", "a");
        waitForDb("SELECT count(*) FROM audit_log WHERE action = 'approve' AND moderator = 'alice'", 2);
        tmux.run("send-keys", "-t", "q", "f");
        waitForDb("SELECT count(*) FROM audit_log WHERE action = 'flag' AND moderator = 'alice'", 1);
        tmux.run("send-keys", "-t", "q", "u");
        waitForDb("SELECT count(*) FROM audit_log WHERE action = 'undo' AND moderator = 'alice'", 1);
        screen = tmux.waitUntil("q", s -> s.contains("Hostile text here"), WAIT);
        assertTrue(screen.contains("^[[2J^[]0;pwned"), screen);
        assertFalse(screen.contains("\u001b"), screen);

        tmux.run("resize-window", "-t", "q", "-x", "100", "-y", "30");
        screen = tmux.waitUntil("q", s -> s.lines().anyMatch(l -> l.contains("more below") && l.strip().length() >= 98),
                WAIT);
        assertTrue(screen.lines().count() >= 30 && screen.lines().anyMatch(l -> l.contains("more below")
                && l.strip().length() >= 98), screen);

        tmux.run("send-keys", "-t", "q", "q");
        screen = tmux.waitUntil("q", s -> s.contains("EXIT="), WAIT);
        assertTrue(screen.contains("EXIT=0"), screen);
        assertEquals("quit", TestDb.stringValue(db, "SELECT ending FROM ssh_sessions WHERE kind = 'queue'"
                + " ORDER BY id DESC LIMIT 1"));
    }

    @Test
    @Order(6)
    void aDroppedConnectionLeavesNoThreadLockOrTransactionBehind() throws Exception {
        tmux.run("new-session", "-d", "-s", "drop", "-x", "80", "-y", "24",
                String.join(" ", quoted(sshCommand("alice", List.of("-t")))) + "; echo EXIT=$?; sleep 600");
        String open = tmux.waitUntil("drop", s -> s.contains("alice (moderator)"), WAIT);
        assertTrue(open.contains("alice (moderator)"), open);
        tmux.run("send-keys", "-t", "drop", "j");
        assertTrue(threads().contains("modq ssh alice@"), "the session's thread runs while it is open");
        long panePid = Long.parseLong(output(List.of("tmux", "-L", tmuxSocket(), "display-message", "-p", "-t", "drop",
                "#{pane_pid}")).strip());
        ProcessHandle sshClient = ProcessHandle.of(panePid).orElseThrow().children()
                .filter(p -> p.info().command().orElse("").endsWith("ssh")).findFirst().orElseThrow();
        sshClient.destroyForcibly();
        tmux.waitUntil("drop", s -> s.contains("EXIT="), WAIT);
        long until = System.nanoTime() + WAIT.toNanos();
        String threads = threads();
        while ((threads.contains("modq ssh alice@") || threads.contains("modq keys")) && System.nanoTime() < until) {
            Thread.sleep(200);
            threads = threads();
        }
        assertFalse(threads.contains("modq ssh alice@"), threads);
        assertFalse(threads.contains("modq keys"), threads);
        assertEquals("disconnect", TestDb.stringValue(db, "SELECT ending FROM ssh_sessions WHERE kind = 'queue'"
                + " ORDER BY id DESC LIMIT 1"));
        // another process writes at once: no lock or transaction was left open
        Process writer = ChildJvm.start(List.of(), List.of("-Dmodq.busyTimeoutMs=1000"),
                List.of("--db", db.toString(), "approve", "30"), dir, "writer");
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, writer.exitValue(), ChildJvm.read(dir, "writer", "err"));
    }

    @Test
    @Order(7)
    void sigtermTellsOpenSessionsRestoresTheirTerminalsAndExitsZero() throws Exception {
        tmux.run("new-session", "-d", "-s", "term", "-x", "80", "-y", "24",
                String.join(" ", quoted(sshCommand("alice", List.of("-t")))) + "; echo EXIT=$?; sleep 600");
        String open = tmux.waitUntil("term", s -> s.contains("alice (moderator)"), WAIT);
        assertTrue(open.contains("alice (moderator)"), () -> open + "\n" + ChildJvm.read(dir, "serve", "err") + dump());
        server.destroy(); // SIGTERM
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), () -> "the server did not stop\n" + dump());
        assertEquals(0, server.exitValue(), ChildJvm.read(dir, "serve", "err"));
        String screen = tmux.waitUntil("term", s -> s.contains("EXIT="), WAIT);
        assertTrue(screen.contains("the server is shutting down; your decisions so far are saved"), screen);
        assertFalse(screen.contains("alice (moderator)"), "the private screen was left: " + screen);
        assertEquals("shutdown", TestDb.stringValue(db, "SELECT ending FROM ssh_sessions WHERE kind = 'queue'"
                + " ORDER BY id DESC LIMIT 1"));
        assertTrue(ChildJvm.read(dir, "serve", "err").contains("modq serve: stopped"));
    }

    @Test
    @Order(8)
    void aQueueLeftWithoutAKeyIsClosedWithItsTerminalRestoredAndSaysWhy() throws Exception {
        int idlePort;
        try (ServerSocket s = new ServerSocket(0)) {
            idlePort = s.getLocalPort();
        }
        Process idle = ChildJvm.start(List.of(), List.of(), List.of("serve", "--db", db.toString(), "--listen",
                "127.0.0.1:" + idlePort, "--state-dir", dir.resolve("state").toString(), "--idle-timeout", "3"), dir, "idle");
        try {
            long until = System.nanoTime() + WAIT.toNanos();
            while (!ChildJvm.read(dir, "idle", "err").contains("listening on") && System.nanoTime() < until) {
                assertTrue(idle.isAlive(), () -> "the server died: " + ChildJvm.read(dir, "idle", "err"));
                Thread.sleep(100);
            }
            List<String> cmd = new java.util.ArrayList<>(sshCommand("alice", List.of("-t")));
            cmd.set(cmd.indexOf(String.valueOf(port)), String.valueOf(idlePort));
            tmux.run("new-session", "-d", "-s", "idle", "-x", "80", "-y", "24",
                    String.join(" ", quoted(cmd)) + "; echo EXIT=$?; sleep 600");
            String open = tmux.waitUntil("idle", s -> s.contains("alice (moderator)"), WAIT);
            assertTrue(open.contains("alice (moderator)"), () -> open + "\n" + ChildJvm.read(dir, "idle", "err"));
            String screen = tmux.waitUntil("idle", s -> s.contains("EXIT="), WAIT);
            assertTrue(screen.contains("modq: closed after 3 s without a key; your decisions are saved"), screen);
            assertTrue(screen.contains("EXIT=0"), "a clean end, not a dropped connection: " + screen);
            assertFalse(screen.contains("alice (moderator)"), "the private screen was left: " + screen);
            assertEquals("idle", TestDb.stringValue(db, "SELECT ending FROM ssh_sessions WHERE kind = 'queue'"
                    + " ORDER BY id DESC LIMIT 1"));
        } finally {
            idle.destroy();
            idle.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // --- helpers ---

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static void addKey(String name) throws IOException {
        String pub = Files.readString(dir.resolve(name + ".pub"));
        CliRun r = CliRun.onDb(db, new ByteArrayInputStream(pub.getBytes(StandardCharsets.UTF_8)), null,
                "moderator", "key", "add", name, "-");
        assertEquals(0, r.code(), r.toString());
    }

    private static List<String> sshCommand(String key, List<String> sshOptions, String... remote) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "IdentitiesOnly=yes",
                "-o", "LogLevel=ERROR", "-i", dir.resolve(key).toString(), "-p", String.valueOf(port)));
        cmd.addAll(sshOptions);
        cmd.add("127.0.0.1");
        cmd.addAll(List.of(remote));
        return cmd;
    }

    private static List<String> sshCommand(String key, String... remote) {
        return sshCommand(key, List.of("-o", "BatchMode=yes"), remote);
    }

    private static Result ssh(String key, String... remote) throws Exception {
        return exec(sshCommand(key, remote), WAIT);
    }

    private static Result ssh(String key, List<String> options, String... remote) throws Exception {
        List<String> all = new ArrayList<>(List.of("-o", "BatchMode=yes"));
        all.addAll(options);
        return exec(sshCommand(key, all, remote), WAIT);
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.toList());
    }

    private static Result exec(List<String> cmd, Duration timeout) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String output(List<String> cmd) throws Exception {
        return exec(cmd, WAIT).out();
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void waitForDb(String sql, long atLeast) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (TestDb.longValue(db, sql) < atLeast && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertTrue(TestDb.longValue(db, sql) >= atLeast, sql);
    }

    private static String threads() throws Exception {
        return output(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid()), "Thread.print"));
    }

    private static String dump() {
        try {
            return threads();
        } catch (Exception e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static String tmuxSocket() {
        return tmux.socket();
    }
}
