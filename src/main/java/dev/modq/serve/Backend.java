package dev.modq.serve;

import dev.modq.tui.lanterna.RemoteQueue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What the SSH front door asks of modq: who a key speaks for, running a command or the queue as that moderator,
 * and the connection log. The front door knows SSH; the backend knows the database and the commands.
 */
public interface Backend {

    /** The caller this key speaks for; a refused caller when the key is unknown or its moderator removed. */
    Caller identify(String fingerprint, String address);

    /** Runs one CLI command as {@code caller}; returns its exit status. */
    int exec(Caller caller, List<String> words, InputStream in, OutputStream out, OutputStream err);

    /**
     * Runs the queue for {@code caller} on {@code queue} until it ends ({@code changes}: the shared watcher);
     * returns how it ended (quit, disconnect, shutdown).
     */
    String queue(Caller caller, RemoteQueue queue, ChangeWatcher changes) throws IOException;

    /** Records a session's start (kind: queue, exec or refused); returns its id. */
    long started(Caller caller, String kind, String command);

    void ended(long id, Integer exitStatus, String ending);

    /** A number that changes whenever the database does (for the one change-watcher). */
    long dataVersion();
}
