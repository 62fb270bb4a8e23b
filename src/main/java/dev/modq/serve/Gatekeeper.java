package dev.modq.serve;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Public-key authentication against the keys in the database. A key the client proves it holds but that speaks
 * for nobody (or for a removed moderator) is let in as a refused caller: the real OpenSSH client shows only
 * "Permission denied (publickey)" for a failed authentication, so the only way to tell someone how to get access is
 * to accept, print one line and close. Those refusals count as failures of the address: after
 * {@code maxFailures} within the window, the address's keys are turned down outright until the window has passed.
 */
final class Gatekeeper implements PublickeyAuthenticator {

    static final AttributeKey<Caller> CALLER = new AttributeKey<>();

    private final Backend backend;
    private final int maxFailures;
    private final java.time.Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    Gatekeeper(Backend backend, int maxFailures, java.time.Duration window, Clock clock) {
        this.backend = backend;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        String address = address(session.getClientAddress());
        if (lockedOut(host(session.getClientAddress()))) {
            return false;
        }
        String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        Caller caller = backend.identify(fingerprint, address);
        Caller earlier = session.getAttribute(CALLER);
        // a client offers several keys in turn: one that speaks for a moderator wins over a refused one
        if (earlier == null || earlier.refused()) {
            session.setAttribute(CALLER, caller);
        }
        return true;
    }

    /** A refused caller came in: one more failure for its address. */
    synchronized void failed(SocketAddress from) {
        Deque<Instant> times = failures.computeIfAbsent(host(from), k -> new ArrayDeque<>());
        times.addLast(clock.instant());
        prune(times);
    }

    private synchronized boolean lockedOut(String host) {
        Deque<Instant> times = failures.get(host);
        if (times == null) {
            return false;
        }
        prune(times);
        if (times.isEmpty()) {
            failures.remove(host);
            return false;
        }
        return times.size() >= maxFailures;
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }

    static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress in) {
            return in.getAddress().getHostAddress() + ":" + in.getPort();
        }
        return String.valueOf(a);
    }

    private static String host(SocketAddress a) {
        return a instanceof InetSocketAddress in ? in.getAddress().getHostAddress() : String.valueOf(a);
    }
}
