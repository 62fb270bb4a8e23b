package dev.modq.cli;

import dev.modq.store.StorePool;

/**
 * A command run through {@code modq serve} rather than by a local user: who the SSH key says the caller is (never
 * the SSH user name, never the server's OS user) and the server's connections to its one database. Set, it changes
 * three things: the database is the server's (--db refused), the acting moderator is {@link #moderator}, and the
 * audit log's actor column says {@code ssh:FINGERPRINT}.
 */
public record Remote(String moderator, String fingerprint, String address, StorePool pool) {

    /** What the audit log records as the real actor of a command that came over SSH. */
    public String actor() {
        return "ssh:" + fingerprint;
    }
}
