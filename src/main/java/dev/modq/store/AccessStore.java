package dev.modq.store;

import dev.modq.core.ModeratorKey;
import dev.modq.core.SshSession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who may come in through {@code modq serve}, and who did: moderators' SSH keys and the connection log.
 * Key changes run in one write transaction with {@code inTransaction} (the admin check and the audit entry).
 */
public interface AccessStore {

    /** Every key, or one moderator's ({@code moderator} non-null), ordered by moderator then time added. */
    List<ModeratorKey> keys(String moderator);

    Optional<ModeratorKey> key(String fingerprint);

    /** Adds the key; IllegalArgumentException when its fingerprint is already on the roster. */
    void addKey(ModeratorKey key, Consumer<WriteTransaction> inTransaction);

    /**
     * Removes the key; IllegalArgumentException when no key has that fingerprint. {@code inTransaction} is given the
     * key before it goes.
     */
    ModeratorKey removeKey(String fingerprint, BiConsumer<WriteTransaction, ModeratorKey> inTransaction);

    /** Records a connection's start; returns its id for {@link #sessionEnded}. */
    long sessionStarted(String moderator, String fingerprint, String remote, String kind, String command, Instant at);

    void sessionEnded(long id, Instant at, Integer exitStatus, String ending);

    /** Sessions a previous server left open (it was killed): marked ended at {@code at}; returns how many. */
    int closeAbandonedSessions(Instant at, String ending);

    /** The newest sessions first, started at or after {@code since} (null: any), of {@code moderator} (null: all). */
    List<SshSession> sessions(Instant since, String moderator, int limit);
}
