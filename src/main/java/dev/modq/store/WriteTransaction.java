package dev.modq.store;

import dev.modq.core.AuditEntry;
import dev.modq.core.Status;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * What the moderation rules need inside one write transaction. Everything done through it commits
 * together or not at all.
 */
public interface WriteTransaction {

    /** States of many comments in one read; ids that do not exist are absent from the map. */
    Map<Long, CommentState> states(Collection<Long> commentIds);

    /**
     * Sets the same status and reason on many comments read in this transaction, bumping each version by one
     * (the write lock is held, so the versions read are still current).
     */
    void setStatuses(Collection<Long> commentIds, Status to, String reason);

    /** Appends many entries in order, continuing the hash chain; returns them as stored. */
    List<AuditEntry> appendAll(List<NewAuditEntry> entries);

    /** Records a batch; {@code undoes} names the batch an undo reverses (null otherwise). */
    void recordBatch(String batchId, String moderator, String action, int size, String undoes);

    /** The latest audit entry for a comment, if any: who changed it last, and when. */
    Optional<AuditEntry> lastChange(long commentId);

    /** Entries of a batch, oldest first. */
    List<AuditEntry> batchEntries(String batchId);

    /** Of these audit entries, the ones an undo entry already reverses. */
    Set<Long> undoneAmong(Collection<Long> auditEntryIds);

    /** The moderator's latest batch of decisions (not an undo) that no undo batch has reversed yet. */
    Optional<String> latestUndoableBatch(String moderator);

    /** Roll back at the end instead of committing (dry runs, atomic calls with failures). */
    void setRollbackOnly();

    /** Whether a batch with this id exists, and who made it. */
    Optional<String> batchOwner(String batchId);
}
