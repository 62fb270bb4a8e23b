package dev.modq.store;

import dev.modq.core.AuditEntry;
import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * What the moderation rules need inside one write transaction. Everything done through it commits
 * together or not at all.
 */
public interface WriteTransaction extends RuleWrites {

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

    /** The roster entry as it is now, read under the write lock (a removal by another admin is seen). */
    Optional<Moderator> moderator(String name);

    /** Adds a moderator, or re-enables and re-roles a disabled one. */
    void putModerator(String name, Role role);

    void disableModerator(String name);

    /** Admins on the roster and not removed. */
    long activeAdmins();

    boolean hasModerators();

    /** The latest roster entry about this moderator (who added, removed or re-roled them, and when). */
    Optional<AuditEntry> lastRosterChange(String subject);

    /**
     * Chooses the comments a purge deletes: {@code status} and last changed (last audit entry, else created)
     * before {@code before}, minus any that still have a reply staying behind, and minus the comment with the
     * highest id (SQLite would give its id to the next new comment, which would inherit its audit history).
     * The choice is kept for {@link #purgeCandidates} until the transaction ends.
     */
    PurgeSelection selectForPurge(Status status, Instant before);

    /** The next chosen comments after {@code afterId}, in id order (keyset paging over the selection). */
    List<CommentState> purgeCandidates(long afterId, int limit);

    /** The spam model's writes in this transaction: decisions relearn in the same commit. */
    default java.util.Optional<ScoreWrites> scores() {
        return java.util.Optional.empty();
    }

    /** Deletes comments for good (their meta goes with them); foreign keys are checked at commit. */
    void deleteComments(Collection<Long> commentIds);
}
