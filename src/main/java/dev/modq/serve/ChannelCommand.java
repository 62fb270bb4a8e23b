package dev.modq.serve;

import dev.modq.core.SshSession;
import dev.modq.tui.lanterna.RemoteQueue;
import dev.modq.tui.lanterna.TerminalUi;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One shell or exec request on a session channel, run on a thread of its own: the queue (with a pty), a CLI
 * command (exec), or the one line that says why not. Whatever happens inside, it ends with an exit status and a
 * row in the connection log, and a crash is caught here: it never reaches another session.
 */
final class ChannelCommand implements Command {

    static final String NO_PTY = "modq: no terminal was asked for: `ssh -t HOST` opens the queue; scripts give a"
            + " command, e.g. `ssh HOST list --format ids` (`ssh HOST help` lists them)";

    private final FrontDoor door;
    private final String line;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile RemoteQueue queue;
    private volatile long lastKey = System.nanoTime();
    private volatile boolean idleClosed;
    private volatile Thread thread;
    private volatile boolean pty;

    /** @param line the exec request's command line, or null for a shell request */
    ChannelCommand(FrontDoor door, String line) {
        this.door = door;
        this.line = line;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        ModqChannelSession ch = (ModqChannelSession) channel;
        Caller caller = ch.serverSession().getAttribute(Gatekeeper.CALLER);
        pty = ch.pty();
        Thread t = new Thread(() -> runSafely(ch, env, caller), "modq ssh " + (caller == null ? "?" : caller.label()));
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void runSafely(ModqChannelSession ch, Environment env, Caller caller) {
        int status = 1;
        try {
            status = run(ch, env, caller);
        } catch (ServeException e) {
            say(err, e.getMessage());
        } catch (Throwable e) {
            door.log("session of " + (caller == null ? "?" : caller.label()) + " failed: " + e);
            say(err, "modq: this session failed on the server (" + e.getClass().getSimpleName()
                    + "); it is logged there. Other sessions are not affected.");
        } finally {
            exit.onExit(status);
        }
    }

    private int run(ModqChannelSession ch, Environment env, Caller caller) throws IOException {
        if (caller == null) {
            say(err, "modq: no key was checked for this connection");
            return 1;
        }
        if (caller.refused()) {
            long id = door.backend().started(caller, SshSession.REFUSED, null);
            door.refused(ch.serverSession().getClientAddress());
            say(err, caller.refusal());
            door.backend().ended(id, 1, "refused");
            return 1;
        }
        if (door.closing()) {
            say(err, FrontDoor.SHUTTING_DOWN);
            return 1;
        }
        List<String> words;
        try {
            words = line == null ? List.of() : Words.split(line);
        } catch (IllegalArgumentException e) {
            say(err, "modq: " + e.getMessage());
            return 2;
        }
        boolean wantsQueue = words.isEmpty() || (words.size() == 1 && words.get(0).equals("tui"));
        if (wantsQueue && !ch.pty()) {
            say(err, NO_PTY);
            return 1;
        }
        String full = door.limits().enter(caller.moderator());
        if (full != null) {
            say(err, full);
            return 1;
        }
        try {
            return wantsQueue ? queue(caller, env) : exec(caller, words, ch.pty());
        } finally {
            door.limits().leave(caller.moderator());
        }
    }

    private int queue(Caller caller, Environment env) throws IOException {
        String term = env.getEnv().get(Environment.ENV_TERM);
        String refusal = TerminalUi.refusal(term);
        if (refusal != null) {
            say(err, refusal);
            return 1;
        }
        RemoteQueue q = new RemoteQueue(new KeyClock(in), out, number(env, Environment.ENV_COLUMNS), number(env, Environment.ENV_LINES));
        env.addSignalListener((channel, signal) -> q.resize(number(env, Environment.ENV_COLUMNS),
                number(env, Environment.ENV_LINES)), Signal.WINCH);
        long id = door.backend().started(caller, SshSession.QUEUE, null);
        door.log(caller.label() + " opened the queue (" + caller.fingerprint() + ")");
        String ending = "error";
        queue = q;
        door.opened(this);
        try {
            ending = door.backend().queue(caller, q, door.changes());
            return 0;
        } finally {
            door.closed(this);
            door.backend().ended(id, null, ending);
            door.log(caller.label() + " left the queue: " + ending);
        }
    }

    private int exec(Caller caller, List<String> words, boolean pty) {
        long id = door.backend().started(caller, SshSession.EXEC, words.get(0));
        Integer status = null;
        String ending = "error";
        door.opened(this);
        try {
            OutputStream o = pty ? new CrLfOutput(out) : out;
            OutputStream e = pty ? new CrLfOutput(err) : err;
            status = door.backend().exec(caller, words, new LineLimitedInput(in, door.config().maxLineBytes()), o, e);
            flush(o);
            flush(e);
            ending = "exit";
            return status;
        } finally {
            door.closed(this);
            door.backend().ended(id, status, ending);
        }
    }

    /**
     * Closes the queue when no key came for {@code limit}: its screen is restored and the moderator told why, which
     * the SSH library's own idle timeout (a bare disconnect, "corrupt packet" on the client) cannot do.
     */
    void closeIfIdle(long nowNanos, java.time.Duration limit) {
        RemoteQueue q = queue;
        if (q != null && !idleClosed && nowNanos - lastKey >= limit.toNanos()) {
            idleClosed = true;
            q.stop("modq: closed after " + spoken(limit) + " without a key; your decisions are saved"
                    + " (reconnect to go on)", "idle");
        }
    }

    /** 45 s, 30 min, 2 h: how a person says the limit. */
    static String spoken(java.time.Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    /** The channel's input, noting when the last byte (a key) came. */
    private final class KeyClock extends java.io.FilterInputStream {
        KeyClock(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                lastKey = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                lastKey = System.nanoTime();
            }
            return n;
        }
    }

    /** Server shutdown: the queue says so and ends; a command is left to finish. */
    void shutdown() {
        RemoteQueue q = queue;
        if (q != null) {
            q.stop(FrontDoor.SHUTTING_DOWN);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        RemoteQueue q = queue;
        if (q != null) {
            q.stop(null);
        }
    }

    private static int number(Environment env, String name) {
        try {
            return Integer.parseInt(env.getEnv().getOrDefault(name, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void flush(OutputStream s) {
        try {
            s.flush();
        } catch (IOException gone) {
            // the client went away
        }
    }

    /** One line to the client; CR LF on a terminal in raw mode. */
    private void say(OutputStream s, String message) {
        try {
            s.write((message + (pty ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
            s.flush();
        } catch (IOException gone) {
            // the client went away
        }
    }
}
