package dev.modq.store.postgresql;

import dev.modq.core.AuditEntry;
import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Outcome;
import dev.modq.core.Role;
import dev.modq.core.Target;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.modq.testing.PgCluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many writers at once on one PostgreSQL database, each with its own connection (as separate processes would
 * have): conflicting decisions have exactly one winner, the losers are told who won and when, and every entry
 * lands in one unbroken hash chain, under READ COMMITTED (PostgreSQL's default) and SERIALIZABLE (CockroachDB's
 * default level).
 */
@ExtendWith(PgCluster.class)
class PgConcurrencyTest {

    private static final int WRITERS = 6;
    private static final int SHARED = 60;      // comments 1..60: every writer decides each, seen at version 0
    private static final int OWN = 40;         // then each writer decides 40 comments of its own

    private PgTestDb db;

    @BeforeEach
    void createDatabase() {
        db = PgTestDb.migrated();
        try (PgStore store = PgStore.open(db.address(), false)) {
            for (int w = 0; w < WRITERS; w++) {
                store.putModerator("mod" + w, Role.MODERATOR);
            }
        }
        db.seed(SHARED + WRITERS * OWN);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void oneWinnerPerConflictAndOneChainUnderReadCommitted() throws Exception {
        run();
    }

    @Test
    void oneWinnerPerConflictAndOneChainUnderSerializable() throws Exception {
        db.sql("ALTER DATABASE " + db.name() + " SET default_transaction_isolation = 'serializable'");
        run();
    }

    private void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<BatchResult>>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                try (PgStore store = PgStore.open(db.address(), false)) {
                    ModerationService service = new ModerationService(store,
                            store.moderator("mod" + writer).orElseThrow(), "os" + writer, Clock.systemUTC());
                    start.await();
                    List<BatchResult> results = new ArrayList<>();
                    // the same comments, each as seen at version 0, one at a time: the race is per comment
                    Decision decision = writer % 2 == 0 ? Decision.APPROVE : Decision.REJECT;
                    for (long id = 1; id <= SHARED; id++) {
                        results.add(service.decide(decision, List.of(Target.seen(id, 0)), DecideOptions.DEFAULT));
                    }
                    // a batch of its own comments, no conflicts possible
                    long from = SHARED + 1L + (long) writer * OWN;
                    List<Target> own = LongStream.range(from, from + OWN).mapToObj(Target::any).toList();
                    results.add(service.decide(Decision.FLAG, own, DecideOptions.DEFAULT));
                    return results;
                }
            }));
        }
        start.countDown();
        Map<Long, List<Outcome>> byComment = new HashMap<>();
        int applied = 0;
        for (Future<List<BatchResult>> f : futures) {
            for (BatchResult r : f.get()) {
                for (Outcome o : r.outcomes()) {
                    byComment.computeIfAbsent(o.commentId(), k -> Collections.synchronizedList(new ArrayList<>())).add(o);
                    applied += o.kind() == Outcome.Kind.APPLIED ? 1 : 0;
                }
            }
        }
        pool.shutdown();

        for (long id = 1; id <= SHARED; id++) {
            List<Outcome> outcomes = byComment.get(id);
            assertEquals(WRITERS, outcomes.size());
            long winners = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).count();
            assertEquals(1, winners, "comment " + id + ": exactly one writer's decision applies");
            for (Outcome o : outcomes) {
                if (o.kind() == Outcome.Kind.CONFLICT) {
                    assertTrue(o.conflict() != null && o.conflict().changedBy().startsWith("mod"),
                            "a loser is told who changed it: " + o);
                } else {
                    assertTrue(o.kind() == Outcome.Kind.APPLIED || o.kind() == Outcome.Kind.UNCHANGED, o.toString());
                }
            }
            assertEquals(1, db.longValue("SELECT version FROM comments WHERE id = " + id), "changed once");
        }
        assertEquals(WRITERS * OWN, db.longValue("SELECT count(*) FROM comments WHERE status = 'flagged'"));

        assertEquals(SHARED + WRITERS * OWN, applied);
        assertEquals(applied, db.longValue("SELECT count(*) FROM audit_log"), "one entry per applied change");
        assertEquals(applied, db.longValue("SELECT max(id) FROM audit_log"), "ids 1..n without a gap");
        assertEquals(applied, db.longValue("SELECT last_id FROM audit_chain_lock"));
        try (PgStore store = PgStore.open(db.address(), false)) {
            assertEquals(java.util.Optional.empty(), store.verifyAuditChain(), "one unbroken chain");
            long entries = store.readAuditLog(0, it -> {
                long n = 0;
                String prev = dev.modq.core.AuditChain.GENESIS;
                while (it.hasNext()) {
                    AuditEntry e = it.next();
                    assertEquals(prev, e.prevHash());
                    prev = e.hash();
                    n++;
                }
                return n;
            });
            assertEquals(applied, entries);
            assertEquals(WRITERS * OWN, store.countsByStatus().get(dev.modq.core.Status.FLAGGED),
                    "the count triggers kept up");
        }
    }

    @Test
    void everyStatusCountStaysExact() {
        try (PgStore store = PgStore.open(db.address(), false)) {
            Moderator m = store.moderator("mod0").orElseThrow();
            ModerationService service = new ModerationService(store, m, "os0", Clock.systemUTC());
            service.decide(Decision.REJECT, List.of(Target.any(1), Target.any(2), Target.any(3)), DecideOptions.DEFAULT);
            service.decide(Decision.APPROVE, List.of(Target.any(3), Target.any(4)), DecideOptions.DEFAULT);
            service.undoLast(DecideOptions.DEFAULT);
            assertEquals(db.longValue("SELECT count(*) FROM comments WHERE status = 'rejected'"),
                    store.countsByStatus().get(dev.modq.core.Status.REJECTED));
            assertEquals(db.longValue("SELECT count(*) FROM comments WHERE status = 'pending'"),
                    store.countsByStatus().get(dev.modq.core.Status.PENDING));
            assertEquals(db.longValue("SELECT count(*) FROM comments WHERE status = 'approved'"),
                    store.countsByStatus().get(dev.modq.core.Status.APPROVED));
        }
    }
}
