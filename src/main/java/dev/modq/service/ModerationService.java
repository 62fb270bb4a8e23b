package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Outcome;
import dev.modq.core.Reasons;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.store.CommentState;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.Store;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The rules of moderation, shared by the text UI and the CLI: who may decide, what counts as unchanged,
 * when a stale view is a conflict, and how undo restores only what nobody changed since.
 * Every call is one transaction and, when it changes anything, one audit batch.
 */
public final class ModerationService {

    /**
     * Above this many comments in one decision, a person is asked first: the CLI on a terminal (unless --yes), the
     * text UI for tagged comments, a purge on a terminal. The one definition.
     */
    public static final int CONFIRM_ABOVE = 20;

    private static final int CHUNK = 1_000;
    private static final String UNDO = "undo";

    private final Store store;
    private final Moderator actor;
    private final String osUser;
    private final Clock clock;

    /** Acting as {@code actor}; the audit log records this process's real operating-system user beside it. */
    public ModerationService(Store store, Moderator actor, Clock clock) {
        this(store, actor, OsUser.name(), clock);
    }

    /** {@code osUser} is who really runs modq (differs from {@code actor} with --as): recorded in every entry. */
    public ModerationService(Store store, Moderator actor, String osUser, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.osUser = osUser;
        this.clock = clock;
    }

    /**
     * What a decision "--where QUERY" acts on: every match, whatever its status unless the query names one, each
     * with the version read now, so a comment changed before the decision takes the write lock is a conflict.
     */
    public List<Target> targetsMatching(Query query) {
        List<Target> found = new ArrayList<>();
        store.forEachIdVersion(query, (id, version) -> found.add(Target.seen(id, version)));
        return found;
    }

    /** Whether deciding on {@code count} comments at once needs a person's confirmation first. */
    public static boolean needsConfirmation(long count) {
        return count > CONFIRM_ABOVE;
    }

    public Store store() {
        return store;
    }

    public Moderator actor() {
        return actor;
    }

    public BatchResult decide(Decision decision, Collection<Target> targets, DecideOptions options) {
        requireCanDecide();
        String batchId = BatchIds.next(clock.instant());
        return store.write(tx -> {
            RosterCheck.requireMayDecide(tx, actor.name(), store.address(), clock.instant());
            List<Outcome> outcomes = new ArrayList<>(targets.size());
            Map<Long, Outcome> seen = new HashMap<>(targets.size() * 2);
            List<Target> chunk = new ArrayList<>(CHUNK);
            for (Target target : targets) {
                chunk.add(target);
                if (chunk.size() == CHUNK) {
                    decideChunk(tx, decision, chunk, options, batchId, seen, outcomes);
                    chunk.clear();
                }
            }
            decideChunk(tx, decision, chunk, options, batchId, seen, outcomes);
            return finish(tx, batchId, decision.verb(), outcomes, options, null);
        });
    }

    /**
     * Decides a chunk of targets with one read, one set-based update and one batch of audit rows, so a
     * 100,000-comment decision costs a few hundred statements instead of three per comment.
     */
    private void decideChunk(WriteTransaction tx, Decision decision, List<Target> chunk, DecideOptions options,
                             String batchId, Map<Long, Outcome> seen, List<Outcome> outcomes) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<Long, CommentState> states = tx.states(chunk.stream().map(Target::commentId).toList());
        List<Long> toChange = new ArrayList<>(chunk.size());
        List<NewAuditEntry> entries = new ArrayList<>(chunk.size());
        for (Target target : chunk) {
            CommentState now = states.get(target.commentId());
            Outcome earlier = seen.get(target.commentId());
            if (earlier != null) {
                outcomes.add(repeated(earlier));
                continue;
            }
            Outcome outcome = judge(tx, decision, target, now, options);
            seen.put(target.commentId(), outcome);
            outcomes.add(outcome);
            if (outcome.kind() == Outcome.Kind.APPLIED) {
                toChange.add(now.id());
                entries.add(NewAuditEntry.decision(actor.name(), osUser, now.id(), decision.verb(), now.status(),
                        decision.target(), options.reason(), now.reason(), options.note(), batchId, null,
                        now.version() + 1));
            }
        }
        tx.setStatuses(toChange, decision.target(), options.reason());
        Learning.relearn(tx, toChange);
        tx.appendAll(entries);
    }

    /** An id listed twice is decided once: the repeat finds it in the wanted state, or fails as the first did. */
    private static Outcome repeated(Outcome first) {
        return first.kind() == Outcome.Kind.APPLIED ? Outcome.unchanged(first.commentId(), first.to()) : first;
    }

    /** The rules for one comment: missing, already so, seen stale (a conflict unless forced), or apply. */
    private static Outcome judge(WriteTransaction tx, Decision decision, Target target, CommentState now,
                                 DecideOptions options) {
        if (now == null) {
            return Outcome.notFound(target.commentId());
        }
        if (now.status() == decision.target()) {
            return Outcome.unchanged(now.id(), now.status());
        }
        boolean stale = target.expectedVersion() != null && target.expectedVersion() != now.version();
        if (stale && !options.force()) {
            return conflict(tx, now, "changed since you saw it");
        }
        return Outcome.applied(now.id(), now.status(), decision.target());
    }

    /** Undoes the actor's latest undoable batch; empty when there is nothing left to undo. */
    public Optional<UndoResult> undoLast(DecideOptions options) {
        requireCanDecide();
        Optional<String> latest = store.write(tx -> {
            RosterCheck.requireMayDecide(tx, actor.name(), store.address(), clock.instant());
            return tx.latestUndoableBatch(actor.name());
        });
        return latest.map(batch -> undo(batch, options));
    }

    public UndoResult undo(String batchToUndo, DecideOptions options) {
        requireCanDecide();
        String batchId = BatchIds.next(clock.instant());
        BatchResult result = store.write(tx -> {
            Moderator current = RosterCheck.requireMayDecide(tx, actor.name(), store.address(), clock.instant());
            String owner = tx.batchOwner(batchToUndo).orElseThrow(() -> new UnknownBatchException(batchToUndo));
            if (!owner.equals(actor.name()) && current.role() != Role.ADMIN) {
                throw new AccessDeniedException("batch " + batchToUndo + " was made by " + owner
                        + "; only its author or an admin may undo it");
            }
            List<AuditEntry> entries = tx.batchEntries(batchToUndo);
            List<Outcome> outcomes = new ArrayList<>(entries.size());
            for (int from = 0; from < entries.size(); from += CHUNK) {
                undoChunk(tx, entries.subList(from, Math.min(entries.size(), from + CHUNK)), options, batchId, outcomes);
            }
            return finish(tx, batchId, UNDO, outcomes, options, batchToUndo);
        });
        return new UndoResult(batchToUndo, result);
    }

    /** Like {@link #decideChunk}: one read, one update per distinct earlier state, one batch of audit rows. */
    private void undoChunk(WriteTransaction tx, List<AuditEntry> chunk, DecideOptions options, String batchId,
                           List<Outcome> outcomes) {
        Map<Long, CommentState> states = tx.states(chunk.stream().map(AuditEntry::commentId).toList());
        Set<Long> undone = tx.undoneAmong(chunk.stream().map(AuditEntry::id).toList());
        Map<Restore, List<Long>> restores = new LinkedHashMap<>();
        List<NewAuditEntry> entries = new ArrayList<>(chunk.size());
        for (AuditEntry entry : chunk) {
            CommentState now = states.get(entry.commentId());
            Outcome outcome = judgeUndo(tx, entry, now, undone.contains(entry.id()), options);
            outcomes.add(outcome);
            if (outcome.kind() == Outcome.Kind.APPLIED) {
                // Reasons decided before they were kept in lower case come back in lower case too.
                restores.computeIfAbsent(new Restore(entry.fromStatus(), Reasons.normalise(entry.fromReason())),
                                r -> new ArrayList<>())
                        .add(now.id());
                entries.add(NewAuditEntry.decision(actor.name(), osUser, now.id(), UNDO, now.status(),
                        entry.fromStatus(), Reasons.normalise(entry.fromReason()), now.reason(), options.note(), batchId,
                        entry.id(), now.version() + 1));
            }
        }
        List<Runnable> relearn = new ArrayList<>();
        restores.forEach((restore, ids) -> relearn.add(Learning.beforeUndo(tx, ids, restore.status(), restore.reason())));
        restores.forEach((restore, ids) -> tx.setStatuses(ids, restore.status(), restore.reason()));
        relearn.forEach(Runnable::run);
        tx.appendAll(entries);
    }

    /** The state an undo puts comments back into. */
    private record Restore(Status status, String reason) {
    }

    /** Undo restores only what nobody changed since the decision (version unchanged), unless forced. */
    private static Outcome judgeUndo(WriteTransaction tx, AuditEntry entry, CommentState now, boolean alreadyUndone,
                                     DecideOptions options) {
        if (now == null) {
            return Outcome.notFound(entry.commentId());
        }
        if (alreadyUndone) {
            return Outcome.unchanged(now.id(), now.status());
        }
        if (now.version() != entry.versionAfter() && !options.force()) {
            return conflict(tx, now, "changed after the decision being undone");
        }
        return Outcome.applied(now.id(), now.status(), entry.fromStatus());
    }

    private static Outcome conflict(WriteTransaction tx, CommentState now, String what) {
        Optional<AuditEntry> last = tx.lastChange(now.id());
        Outcome.Conflict conflict = last
                .map(e -> new Outcome.Conflict(e.moderator(), e.at(), now.status()))
                .orElse(new Outcome.Conflict(null, null, now.status()));
        String who = last.map(e -> " by " + e.moderator()).orElse(" by another writer");
        return Outcome.conflict(now.id(), now.status(), conflict,
                "comment " + now.id() + " " + what + who + " (now " + now.status().label() + ")");
    }

    private BatchResult finish(WriteTransaction tx, String batchId, String action, List<Outcome> outcomes,
                               DecideOptions options, String undoes) {
        boolean anyFailure = outcomes.stream().anyMatch(Outcome::isFailure);
        long applied = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).count();
        if (options.dryRun() || (options.atomic() && anyFailure)) {
            tx.setRollbackOnly();
            return new BatchResult(null, outcomes, false);
        }
        // An undo is recorded even when nothing could be restored, so "undo last" moves on to the batch before.
        if (applied == 0 && undoes == null) {
            return new BatchResult(null, outcomes, true);
        }
        tx.recordBatch(batchId, actor.name(), action, (int) applied, undoes);
        return new BatchResult(batchId, outcomes, true);
    }

    private void requireCanDecide() {
        if (!actor.role().canDecide()) {
            throw new AccessDeniedException(actor.name() + " is a viewer and may only browse: ask an admin to run"
                    + " `modq moderator role " + actor.name() + " moderator`");
        }
        if (!store.writable()) {
            throw new AccessDeniedException("database " + store.address() + " is read-only for " + actor.name()
                    + ", so decisions are refused: you can browse; ask its owner for write access");
        }
    }
}
