package dev.modq.serve;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code modq serve}'s SSH server (Apache MINA SSHD): public-key authentication only, session channels only (no port
 * forwarding, agent, X11 or subsystems), a shell with a pty opens the queue, an exec request runs one command.
 * One {@link ChangeWatcher} serves every queue. {@link #shutdown} tells every open queue, lets commands finish and
 * then stops.
 */
public final class FrontDoor implements AutoCloseable {

    public static final String SHUTTING_DOWN = "modq: the server is shutting down; your decisions so far are saved"
            + " (reconnect when it is back)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ServeConfig config;
    private final Backend backend;
    private final PrintStream log;
    private final SessionLimits limits;
    private final Gatekeeper gate;
    private final ChangeWatcher changes;
    private final Set<ChannelCommand> open = ConcurrentHashMap.newKeySet();
    private final SshServer sshd;
    private final java.util.concurrent.ScheduledExecutorService idleWatch =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "modq idle");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean closing;

    private FrontDoor(ServeConfig config, HostKey key, Backend backend, PrintStream log) {
        this.config = config;
        this.backend = backend;
        this.log = log;
        this.limits = new SessionLimits(config.maxSessions(), config.maxPerModerator());
        this.gate = new Gatekeeper(backend, config.maxAuthFailures(), config.failureWindow(), Clock.systemUTC());
        this.changes = new ChangeWatcher(backend::dataVersion, Duration.ofMillis(500));
        this.sshd = server(config, key);
    }

    /** Starts listening; ServeException with one line when it cannot (port in use, address not local...). */
    public static FrontDoor start(ServeConfig config, HostKey key, Backend backend, PrintStream log) {
        FrontDoor door = new FrontDoor(config, key, backend, log);
        try {
            door.sshd.start();
            long every = Math.max(200, Math.min(5_000, config.idleTimeout().toMillis() / 10));
            door.idleWatch.scheduleWithFixedDelay(door::closeIdleQueues, every, every,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return door;
        } catch (BindException e) {
            door.idleWatch.shutdownNow();
            door.changes.close();
            throw new ServeException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                    + " (another server there? choose another with --listen ADDR:PORT)");
        } catch (IOException e) {
            door.idleWatch.shutdownNow();
            door.changes.close();
            throw new ServeException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
    }

    private SshServer server(ServeConfig config, HostKey key) {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost(config.host());
        s.setPort(config.port());
        s.setKeyPairProvider(key.provider());
        s.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        s.setPublickeyAuthenticator(gate);
        s.setPasswordAuthenticator(null);
        s.setKeyboardInteractiveAuthenticator(null);
        s.setGSSAuthenticator(null);
        s.setHostBasedAuthenticator(null);
        s.setChannelFactories(List.of(ModqChannelSession.FACTORY));
        s.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        s.setAgentFactory(null);
        s.setSubsystemFactories(List.of());
        s.setShellFactory(channel -> new ChannelCommand(this, null));
        s.setCommandFactory((channel, command) -> new ChannelCommand(this, command));
        // a keypress's redraw is a few hundred bytes: Nagle's algorithm would hold it for the client's delayed ACK
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        // queues close themselves first (closeIdleQueues), restoring the client's terminal and saying why; the
        // library's own timeout, a bare disconnect, is the backstop for commands and anything else that hangs
        CoreModuleProperties.IDLE_TIMEOUT.set(s, config.idleTimeout().plus(Duration.ofMinutes(1)));
        CoreModuleProperties.AUTH_TIMEOUT.set(s, Duration.ofSeconds(30));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(s, 10);
        return s;
    }

    public int port() {
        return sshd.getPort();
    }

    /** Queues and commands running now. */
    public int openSessions() {
        return open.size();
    }

    public ChangeWatcher changes() {
        return changes;
    }

    /**
     * Stops taking sessions, tells every open queue (which restores the client's terminal and ends), waits up to
     * {@code grace} for them and for running commands, then closes every connection.
     */
    public void shutdown(Duration grace) {
        closing = true;
        open.forEach(ChannelCommand::shutdown);
        long until = System.nanoTime() + grace.toNanos();
        while (!open.isEmpty() && System.nanoTime() < until) {
            sleep(20);
        }
        // the clients' last bytes (the message) are on their way; give them a moment before the sockets close
        sleep(200);
        close();
    }

    private void closeIdleQueues() {
        long now = System.nanoTime();
        open.forEach(c -> c.closeIfIdle(now, config.idleTimeout()));
    }

    @Override
    public void close() {
        closing = true;
        idleWatch.shutdownNow();
        changes.close();
        try {
            sshd.stop(true);
        } catch (IOException e) {
            log("stopping the SSH server: " + e.getMessage());
        }
    }

    // --- for ChannelCommand ---

    Backend backend() {
        return backend;
    }

    ServeConfig config() {
        return config;
    }

    SessionLimits limits() {
        return limits;
    }

    boolean closing() {
        return closing;
    }

    void refused(SocketAddress from) {
        gate.failed(from);
    }

    void opened(ChannelCommand c) {
        open.add(c);
    }

    void closed(ChannelCommand c) {
        open.remove(c);
    }

    /** One line on the server's stderr (journald adds its own time; a terminal gets ours). */
    void log(String line) {
        log.println("modq serve " + TIME.format(Instant.now()) + " " + line);
        log.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
