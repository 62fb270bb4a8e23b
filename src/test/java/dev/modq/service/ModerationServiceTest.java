package dev.modq.service;

import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Outcome;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.store.Store;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ModerationServiceTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    TestDatabase db;
    Store store;

    @BeforeEach
    void setUp() {
        db = backend.fresh(dir, "q.db");
        store = db.create();
        db.seed(10);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ModerationService as(String name) {
        Moderator m = Actors.resolve(store, name, null);
        return new ModerationService(store, m, Clock.systemUTC());
    }

    private Status status(long id) {
        return Status.parse(db.stringValue("SELECT status FROM comments WHERE id = " + id));
    }

    @Test
    void aDecisionChangesTheCommentAndRecordsOneAuditRowPerCommentInOneBatch() {
        BatchResult r = as("alice").decide(Decision.REJECT, List.of(Target.any(1), Target.any(2)),
                new DecideOptions("spam", "wave of 2", false, false, false));
        assertEquals(2, r.applied());
        assertNotNull(r.batchId());
        assertEquals(Status.REJECTED, status(1));
        assertEquals("spam", db.stringValue("SELECT reason FROM comments WHERE id = 1"));
        assertEquals(1, db.longValue("SELECT version FROM comments WHERE id = 1"));
        assertEquals(2, db.longValue("SELECT count(*) FROM audit_log WHERE batch_id = '" + r.batchId()
                + "' AND moderator = 'alice' AND action = 'reject' AND from_status = 'pending' AND to_status = 'rejected'"
                + " AND reason = 'spam' AND note = 'wave of 2'"));
        assertEquals(1, db.longValue("SELECT count(*) FROM batches"));
    }

    @Test
    void decidingWhatIsAlreadySoIsUnchangedNotAnError() {
        as("alice").decide(Decision.APPROVE, List.of(Target.any(3)), DecideOptions.DEFAULT);
        BatchResult again = as("bob").decide(Decision.APPROVE, List.of(Target.any(3)), DecideOptions.DEFAULT);
        assertEquals(Outcome.Kind.UNCHANGED, again.outcomes().get(0).kind());
        assertFalse(again.hasFailures());
        assertNull(again.batchId(), "nothing written, no batch");
        assertEquals(1, db.longValue("SELECT count(*) FROM audit_log"));
    }

    @Test
    void aStaleVersionIsAConflictNamingWhoChangedItAndIsNotApplied() {
        as("bob").decide(Decision.REJECT, List.of(Target.any(4)), DecideOptions.DEFAULT);
        BatchResult mine = as("alice").decide(Decision.APPROVE, List.of(Target.seen(4, 0)), DecideOptions.DEFAULT);
        Outcome o = mine.outcomes().get(0);
        assertEquals(Outcome.Kind.CONFLICT, o.kind());
        assertEquals("bob", o.conflict().changedBy());
        assertEquals(Status.REJECTED, o.conflict().nowStatus());
        assertNotNull(o.conflict().changedAt());
        assertEquals(Status.REJECTED, status(4), "bob's decision stands");
    }

    @Test
    void forceOverridesAConflict() {
        as("bob").decide(Decision.REJECT, List.of(Target.any(4)), DecideOptions.DEFAULT);
        BatchResult forced = as("alice").decide(Decision.APPROVE, List.of(Target.seen(4, 0)),
                new DecideOptions(null, null, true, false, false));
        assertEquals(1, forced.applied());
        assertEquals(Status.APPROVED, status(4));
    }

    @Test
    void notFoundIdsAreReportedAndTheRestApplied() {
        BatchResult r = as("alice").decide(Decision.FLAG, List.of(Target.any(5), Target.any(999)), DecideOptions.DEFAULT);
        assertEquals(List.of(999L), r.failures().stream().map(Outcome::commentId).toList());
        assertEquals(Status.FLAGGED, status(5));
    }

    @Test
    void atomicAppliesNothingWhenAnyIdFails() {
        BatchResult r = as("alice").decide(Decision.REJECT, List.of(Target.any(5), Target.any(999)),
                new DecideOptions(null, null, false, true, false));
        assertFalse(r.committed());
        assertEquals(Status.PENDING, status(5));
        assertEquals(0, db.longValue("SELECT count(*) FROM audit_log"));
    }

    @Test
    void aDryRunReportsEveryOutcomeAndWritesNothing() {
        BatchResult r = as("alice").decide(Decision.REJECT, List.of(Target.any(5), Target.any(6)),
                new DecideOptions(null, null, false, false, true));
        assertEquals(2, r.applied());
        assertEquals(Status.PENDING, status(5));
        assertEquals(0, db.longValue("SELECT count(*) FROM audit_log"));
        assertEquals(0, db.longValue("SELECT count(*) FROM batches"));
    }

    @Test
    void undoRestoresStatusAndReasonOfTheWholeBatch() {
        ModerationService alice = as("alice");
        alice.decide(Decision.REJECT, List.of(Target.any(1)), DecideOptions.withReason("spam"));
        BatchResult approve = alice.decide(Decision.APPROVE, List.of(Target.any(1), Target.any(2)), DecideOptions.DEFAULT);
        UndoResult undo = alice.undoLast(DecideOptions.DEFAULT).orElseThrow();
        assertEquals(approve.batchId(), undo.undoneBatch());
        assertEquals(2, undo.result().applied());
        assertEquals(Status.REJECTED, status(1));
        assertEquals("spam", db.stringValue("SELECT reason FROM comments WHERE id = 1"));
        assertEquals(Status.PENDING, status(2));
        assertEquals(2, db.longValue("SELECT count(*) FROM audit_log WHERE action = 'undo' AND undo_of IS NOT NULL"));
    }

    @Test
    void undoIsRepeatableAndWalksBackThroughEarlierBatches() {
        ModerationService alice = as("alice");
        alice.decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT);
        alice.decide(Decision.REJECT, List.of(Target.any(2)), DecideOptions.DEFAULT);
        alice.undoLast(DecideOptions.DEFAULT).orElseThrow();
        assertEquals(Status.PENDING, status(2));
        assertEquals(Status.APPROVED, status(1));
        alice.undoLast(DecideOptions.DEFAULT).orElseThrow();
        assertEquals(Status.PENDING, status(1));
        assertTrue(alice.undoLast(DecideOptions.DEFAULT).isEmpty(), "nothing left to undo");
    }

    @Test
    void undoReportsAConflictWhereSomeoneChangedTheCommentSince() {
        ModerationService alice = as("alice");
        alice.decide(Decision.APPROVE, List.of(Target.any(1), Target.any(2)), DecideOptions.DEFAULT);
        as("bob").decide(Decision.REJECT, List.of(Target.any(2)), DecideOptions.DEFAULT);
        UndoResult undo = alice.undoLast(DecideOptions.DEFAULT).orElseThrow();
        assertEquals(1, undo.result().applied());
        Outcome conflict = undo.result().failures().get(0);
        assertEquals(2, conflict.commentId());
        assertEquals("bob", conflict.conflict().changedBy());
        assertEquals(Status.PENDING, status(1));
        assertEquals(Status.REJECTED, status(2), "bob's later decision is not undone");
    }

    @Test
    void onlyTheAuthorOrAnAdminMayUndoABatch() {
        BatchResult bobs = as("bob").decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT);
        assertThrows(AccessDeniedException.class, () -> as("alice").undo(bobs.batchId(), DecideOptions.DEFAULT));
        assertEquals(1, as(Actors.osUser()).undo(bobs.batchId(), DecideOptions.DEFAULT).result().applied());
    }

    @Test
    void rolesAreEnforced() {
        AccessDeniedException viewer = assertThrows(AccessDeniedException.class,
                () -> as("vic").decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT));
        assertTrue(viewer.getMessage().contains("modq moderator role vic moderator"), viewer.getMessage());
        AccessDeniedException stranger = assertThrows(AccessDeniedException.class,
                () -> Actors.resolve(store, "mallory", null));
        assertTrue(stranger.getMessage().contains("modq moderator add mallory"), stranger.getMessage());
        AccessDeniedException notAdmin = assertThrows(AccessDeniedException.class,
                () -> Actors.resolve(store, "alice", "bob"));
        assertTrue(notAdmin.getMessage().contains("only admins"), notAdmin.getMessage());
        assertEquals("bob", Actors.resolve(store, Actors.osUser(), "bob").name(), "admins may act as others");
        store.setModeratorDisabled("bob", true);
        assertThrows(AccessDeniedException.class, () -> Actors.resolve(store, "bob", null));
        assertEquals(Status.PENDING, status(1));
    }

    @Test
    void theAuditLogIsHashChained() {
        as("alice").decide(Decision.APPROVE, List.of(Target.any(1), Target.any(2)), DecideOptions.DEFAULT);
        as("bob").decide(Decision.REJECT, List.of(Target.any(3)), DecideOptions.DEFAULT);
        var entries = store.history(1);
        assertEquals(dev.modq.core.AuditChain.GENESIS, entries.get(0).prevHash());
        assertEquals(dev.modq.core.AuditChain.hashOf(entries.get(0)), entries.get(0).hash());
        String secondPrev = db.stringValue("SELECT prev_hash FROM audit_log WHERE id = 2");
        assertEquals(entries.get(0).hash(), secondPrev);
        var third = store.history(3).get(0);
        assertEquals(dev.modq.core.AuditChain.hashOf(third), third.hash());
    }

    @Test
    void aLargeDecisionAcrossChunksWithRepeatsAndMissingIdsCountsEachCommentOnce() {
        db.sqls("WITH RECURSIVE n(i) AS (SELECT 11 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)"
                + " INSERT INTO comments (id, post_id, body, created_at) SELECT i, 1, 'more', 1780000000 + i FROM n");
        List<Target> targets = new java.util.ArrayList<>();
        for (long id = 1; id <= 2_500; id++) {
            targets.add(Target.any(id));
        }
        targets.add(Target.any(7));        // a repeat in another chunk
        targets.add(Target.any(9_999));    // missing
        targets.add(Target.any(9_999));    // missing, repeated
        targets.add(1_200, Target.seen(1_500, 41)); // a stale view of a comment also listed plainly later
        BatchResult r = as("alice").decide(Decision.REJECT, targets, DecideOptions.withReason("spam"));
        assertEquals(2_499, r.applied());
        assertEquals(2, r.count(Outcome.Kind.CONFLICT), "the stale mention of 1500 came first; its repeat fails alike");
        assertEquals(2, r.count(Outcome.Kind.NOT_FOUND));
        assertEquals(1, r.count(Outcome.Kind.UNCHANGED), "7 again");
        assertEquals(r.applied(), db.longValue("SELECT count(*) FROM audit_log"));
        assertEquals(r.applied(), db.longValue("SELECT count(*) FROM comments WHERE status = 'rejected'"
                + " AND version = 1 AND reason = 'spam'"));
        assertEquals(Status.PENDING, status(1_500));
        var last = store.history(2_500).get(0);
        assertEquals(dev.modq.core.AuditChain.hashOf(last), last.hash());
    }
}
