package dev.modq.service;

import dev.modq.core.Status;
import dev.modq.store.CommentState;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.PurgeSelection;
import dev.modq.store.Store;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes old comments of one status for good ({@code modq purge}). Admins only: a rejection can be undone, a
 * purge cannot. One write transaction, walked in chunks: every purged comment gets a hash-chained audit entry
 * (status, reason and version when it went) before it is deleted, and the whole purge commits or nothing does.
 */
public final class PurgeService {

    static final int CHUNK = 1_000;

    private final Store store;
    private final String moderator;
    private final String osUser;
    private final Clock clock;

    public PurgeService(Store store, String moderator, String osUser, Clock clock) {
        this.store = store;
        this.moderator = moderator;
        this.osUser = osUser;
        this.clock = clock;
    }

    /** What a purge did (or, dry, would do): the ids in id order, what stayed, and the audit batch. */
    public record Result(long[] purgedIds, PurgeSelection selection, String batchId, boolean committed) {
        public int purged() {
            return purgedIds.length;
        }
    }

    /** Purges comments with {@code status} last changed before {@code before}; {@code note} goes into each entry. */
    public Result purge(Status status, Instant before, String note, boolean dryRun) {
        if (status == Status.PENDING) {
            throw new IllegalArgumentException("purge never deletes pending comments: nobody has looked at them yet;"
                    + " use --status rejected (or approved, flagged)");
        }
        String batchId = BatchIds.next(clock.instant());
        return store.write(tx -> {
            RosterCheck.requireAdmin(tx, moderator, store.address(), clock.instant());
            PurgeSelection selection = tx.selectForPurge(status, before);
            long[] ids = purgeChunks(tx, selection, note, batchId, dryRun);
            if (dryRun) {
                tx.setRollbackOnly();
            }
            return new Result(ids, selection, ids.length == 0 || dryRun ? null : batchId, !dryRun);
        });
    }

    private long[] purgeChunks(WriteTransaction tx, PurgeSelection selection, String note, String batchId,
                               boolean dryRun) {
        long[] ids = new long[Math.toIntExact(selection.chosen())];
        int n = 0;
        long after = 0;
        for (List<CommentState> chunk = tx.purgeCandidates(after, CHUNK); !chunk.isEmpty();
             chunk = tx.purgeCandidates(after, CHUNK)) {
            List<NewAuditEntry> entries = new ArrayList<>(chunk.size());
            List<Long> chunkIds = new ArrayList<>(chunk.size());
            for (CommentState gone : chunk) {
                entries.add(NewAuditEntry.purge(moderator, osUser, gone, note, batchId));
                chunkIds.add(gone.id());
                ids[n++] = gone.id();
            }
            after = chunk.get(chunk.size() - 1).id();
            if (!dryRun) {
                tx.appendAll(entries);
                tx.deleteComments(chunkIds);
            }
        }
        return ids;
    }
}
