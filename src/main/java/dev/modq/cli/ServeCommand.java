package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.core.text.Sanitizer;
import dev.modq.serve.Backend;
import dev.modq.serve.Caller;
import dev.modq.serve.ChangeWatcher;
import dev.modq.serve.FrontDoor;
import dev.modq.serve.HostKey;
import dev.modq.serve.ServeConfig;
import dev.modq.serve.ServeException;
import dev.modq.service.AccessDeniedException;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.store.AccessStore;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StorePool;
import dev.modq.store.Stores;
import dev.modq.tui.Session;
import dev.modq.tui.lanterna.RemoteQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code modq serve}: the queue and the CLI over SSH, for moderators who have a key but no account on the host.
 * This class wires the SSH front door ({@link FrontDoor}) to the database: who a key speaks for, the connection
 * log, and commands and queues run as that moderator on the server's pooled connections.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the queue and the commands over SSH: moderators connect with a key"
                + " (`modq moderator key add`), not a Unix account. Listens on 127.0.0.1:2222 unless told otherwise;"
                + " SIGTERM or Ctrl-C stops it cleanly."},
        footer = {"%nState: the host key lives in --state-dir (default: modq-serve/ next to the database), mode 0600.",
                "%nExamples:", "  modq serve --db /srv/blog/comments.db",
                "  modq serve --listen 0.0.0.0:2222            (reachable from other hosts: ask for it)",
                "  modq serve --fingerprint                     (the host key's SHA256 fingerprint)",
                "  ssh -p 2222 modq.example.org                 (a moderator: the queue)",
                "  ssh -p 2222 modq.example.org list --format ids | ssh -p 2222 modq.example.org reject - --reason spam",
                ExitCode.HELP_FOOTER})
public final class ServeCommand extends BaseCommand implements Backend {

    @Option(names = "--listen", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:2222",
            description = "Address and port to listen on (default ${DEFAULT-VALUE}; another address must be asked for).")
    String listen;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the host key lives (default: $MODQ_SERVE_DIR, else modq-serve/ beside the database).")
    Path stateDir;

    @Option(names = "--fingerprint", description = "Print the host key's fingerprint (making the key if needed) and exit.")
    boolean fingerprintOnly;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "64",
            description = "Sessions open at once, in all (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--max-sessions-per-moderator", paramLabel = "N", defaultValue = "8",
            description = "Sessions open at once per moderator (default ${DEFAULT-VALUE}).")
    int maxPerModerator;

    @Option(names = "--max-auth-failures", paramLabel = "N", defaultValue = "5",
            description = "Refused keys from one address before it must wait --failure-window (default ${DEFAULT-VALUE}).")
    int maxAuthFailures;

    @Option(names = "--failure-window", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long refused attempts count against an address (default ${DEFAULT-VALUE}).")
    int failureWindowSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Close a queue with no key for this long, restoring its terminal (default ${DEFAULT-VALUE});"
                    + " a connection with no traffic at all is dropped a minute later.")
    int idleSeconds;

    @Option(names = "--max-line", paramLabel = "BYTES", defaultValue = "4194304",
            description = "Longest line a command may read on stdin (default ${DEFAULT-VALUE}).")
    int maxLine;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Database connections in the pool (default: 2 per session + 4).")
    Integer maxConnections;

    /** A command over SSH waits this long for another writer's lock, as a local one does by default. */
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Object lock = new Object();
    private String db;
    private Store main;
    private AccessStore access;
    private Store watched;
    private StorePool pool;

    @Override
    public Integer call() {
        ServeConfig config = config();
        db = DatabasePath.resolveExisting(global().db, System.getenv());
        Path state = stateDir != null ? stateDir : Optional.ofNullable(System.getenv("MODQ_SERVE_DIR")).map(Path::of)
                .orElseGet(() -> defaultStateDir(db));
        HostKey key = hostKey(state);
        if (fingerprintOnly) {
            out().println(key.fingerprint());
            out().flush();
            return ExitCode.OK;
        }
        main = Stores.open(db, OpenOptions.of(OpenMode.EXISTING));
        try {
            access = main.access();
            watched = main.openAnother(BUSY_TIMEOUT_MS);
            pool = new StorePool(main, config.maxConnections(), BUSY_TIMEOUT_MS);
            int abandoned = access.closeAbandonedSessions(Instant.now(), "server stopped");
            return serve(config, key, state, abandoned);
        } finally {
            if (pool != null) {
                pool.close();
            }
            if (watched != null) {
                watched.close();
            }
            main.close();
        }
    }

    private int serve(ServeConfig config, HostKey key, Path state, int abandoned) {
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onStop(stop::countDown, stop::countDown);
        FrontDoor door;
        door = FrontDoor.start(config, key, this, System.err);
        say("modq serve: listening on " + config.host() + ":" + door.port() + " for " + db
                + (config.exposed() ? " (reachable from other hosts)" : ""));
        say("modq serve: host key " + key.fingerprint() + (key.created() ? " (new) in " : " in ") + key.file()
                + "; state in " + state);
        if (abandoned > 0) {
            say("modq serve: " + abandoned + " session(s) left open by a server that did not stop cleanly are closed");
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        say("modq serve: stopping (" + door.openSessions() + " session(s) open)");
        door.shutdown(Duration.ofSeconds(10));
        say("modq serve: stopped");
        return ExitCode.OK;
    }

    private ServeConfig config() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--listen: '" + Sanitizer.clean(listen) + "' is not ADDR:PORT (e.g. 127.0.0.1:2222)");
        }
        String host = listen.substring(0, colon).replaceAll("^\\[|]$", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--listen: '" + Sanitizer.clean(listen.substring(colon + 1)) + "' is not a port number");
        }
        try {
            return new ServeConfig(host, port, maxSessions, maxPerModerator, maxAuthFailures,
                    Duration.ofSeconds(failureWindowSeconds), Duration.ofSeconds(idleSeconds), maxLine,
                    maxConnections != null ? maxConnections : 2 * maxSessions + 4);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Beside a database file (systemd's ReadWritePaths covers both), else under the XDG state directory. */
    private static Path defaultStateDir(String db) {
        Path file = Stores.fileOf(db);
        if (file != null) {
            return file.toAbsolutePath().getParent().resolve("modq-serve");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && state.startsWith("/") ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("modq").resolve("serve");
    }

    private static HostKey hostKey(Path state) {
        return HostKey.loadOrCreate(state);
    }

    // --- Backend: what the front door asks of the database ---

    @Override
    public Caller identify(String fingerprint, String address) {
        synchronized (lock) {
            var key = access.key(fingerprint);
            if (key.isEmpty()) {
                return new Caller(null, fingerprint, address, "modq: key " + fingerprint + " is not registered here:"
                        + " ask an admin to run `modq moderator key add YOUR_NAME YOUR_KEY.pub` with your public key");
            }
            String name = key.get().moderator();
            Optional<Moderator> m = main.moderator(name);
            if (m.isEmpty() || m.get().disabled()) {
                return new Caller(name, fingerprint, address, "modq: moderator " + Sanitizer.clean(name)
                        + " is removed: ask an admin to run `modq moderator add " + Sanitizer.clean(name) + "`");
            }
            return new Caller(name, fingerprint, address, null);
        }
    }

    @Override
    public int exec(Caller caller, List<String> words, InputStream in, OutputStream out, OutputStream err) {
        Remote remote = new Remote(caller.moderator(), caller.fingerprint(), caller.address(), pool);
        return Cli.runRemote(remote, in, out, err, words.toArray(String[]::new));
    }

    @Override
    public String queue(Caller caller, RemoteQueue queue, ChangeWatcher changes) throws java.io.IOException {
        Remote remote = new Remote(caller.moderator(), caller.fingerprint(), caller.address(), pool);
        try (StorePool.Lease reads = pool.lease(Duration.ofSeconds(10));
             StorePool.Lease writes = pool.lease(Duration.ofSeconds(10))) {
            Moderator me;
            try {
                me = Actors.resolve(reads.store(), caller.moderator(), null);
            } catch (AccessDeniedException e) {
                throw new ServeException("modq: " + e.getMessage());
            }
            Session session = Session.of(Sanitizer.clean(main.shortName()), Sanitizer.clean(me.name()),
                    me.role().label(), me.role().canDecide(), reads.store().writable());
            ModerationService writer = new ModerationService(writes.store(), me, remote.actor(), Clock.systemUTC());
            return queue.run(reads.store(), writer, session, true, changes::version);
        }
    }

    @Override
    public long started(Caller caller, String kind, String command) {
        synchronized (lock) {
            return access.sessionStarted(caller.moderator(), caller.fingerprint(), caller.address(), kind, command,
                    Instant.now());
        }
    }

    @Override
    public void ended(long id, Integer exitStatus, String ending) {
        synchronized (lock) {
            access.sessionEnded(id, Instant.now(), exitStatus, ending);
        }
    }

    @Override
    public long dataVersion() {
        return watched.changes().version();
    }
}
