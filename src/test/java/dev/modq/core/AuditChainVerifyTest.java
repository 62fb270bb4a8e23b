package dev.modq.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainVerifyTest {

    /** A valid chain of n entries, built the way the store appends them. */
    static List<AuditEntry> chain(int n) {
        return chain(n, 0);
    }

    /** A valid chain of n entries, the first {@code v1Entries} of them under chain version 1 (before V002). */
    static List<AuditEntry> chain(int n, int v1Entries) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = entry(i, "alice", i % 2 == 0 ? "spam" : null, prev, i <= v1Entries ? 1 : 2);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static AuditEntry entry(long id, String moderator, String reason, String prev) {
        return entry(id, moderator, reason, prev, 2);
    }

    static AuditEntry entry(long id, String moderator, String reason, String prev, int version) {
        AuditEntry draft = new AuditEntry(id, Instant.ofEpochMilli(1_780_000_000_000L + id), moderator,
                version == 1 ? null : "root", 100 + id, "reject", Status.PENDING, Status.REJECTED, reason, null, null,
                "b" + id, null, 1, null, null, null, version, prev, null);
        return withHash(draft, AuditChain.hashOf(draft));
    }

    static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.at(), e.moderator(), e.actor(), e.commentId(), e.action(), e.fromStatus(),
                e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(), e.versionAfter(),
                e.subject(), e.fromRole(), e.toRole(), e.chainVersion(), e.prevHash(), hash);
    }

    static AuditEntry withModerator(AuditEntry e, String moderator) {
        return new AuditEntry(e.id(), e.at(), moderator, e.actor(), e.commentId(), e.action(), e.fromStatus(),
                e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(), e.versionAfter(),
                e.subject(), e.fromRole(), e.toRole(), e.chainVersion(), e.prevHash(), e.hash());
    }

    @Test
    void anIntactChainAndAnEmptyLogHaveNoProblem() {
        assertEquals(Optional.empty(), AuditChain.verify(chain(50).iterator()));
        assertEquals(Optional.empty(), AuditChain.verify(List.<AuditEntry>of().iterator()));
    }

    @Test
    void anEditedEntryIsReportedAsChanged() {
        List<AuditEntry> log = chain(10);
        log.set(4, withModerator(log.get(4), "mallory"));
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(5, p.entryId());
        assertEquals(ChainProblem.Kind.CHANGED, p.kind());
    }

    @Test
    void anEditWithARecomputedHashBreaksTheLinkToTheNextEntry() {
        List<AuditEntry> log = chain(10);
        AuditEntry forged = withModerator(log.get(4), "mallory");
        log.set(4, withHash(forged, AuditChain.hashOf(forged)));
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(6, p.entryId());
        assertEquals(ChainProblem.Kind.OUT_OF_ORDER, p.kind());
        assertTrue(p.message().contains("entry 5 was replaced"), p.message());
    }

    @Test
    void removedEntriesAreReportedByTheFirstMissingId() {
        List<AuditEntry> log = chain(10);
        log.remove(6);
        log.remove(5);
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(6, p.entryId());
        assertEquals(ChainProblem.Kind.REMOVED, p.kind());
        assertTrue(p.message().contains("6..7"), p.message());

        List<AuditEntry> headless = chain(3);
        headless.remove(0);
        assertEquals(ChainProblem.Kind.REMOVED, AuditChain.verify(headless.iterator()).orElseThrow().kind());
    }

    @Test
    void removingTheLastEntriesIsInvisibleToTheChainAlone() {
        // documented limit: a truncated tail is a valid shorter chain; modq check compares comments against it
        List<AuditEntry> log = chain(10);
        assertEquals(Optional.empty(), AuditChain.verify(log.subList(0, 7).iterator()));
    }

    @Test
    void anEntryInsertedOutOfOrderIsReported() {
        List<AuditEntry> log = chain(10);
        // a well-formed entry 4 whose prev_hash is not entry 3's hash
        log.set(3, entry(4, "mallory", null, log.get(0).hash()));
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(4, p.entryId());
        assertEquals(ChainProblem.Kind.OUT_OF_ORDER, p.kind());

        List<AuditEntry> swapped = chain(5);
        AuditEntry third = swapped.get(2);
        swapped.set(2, swapped.get(3));
        swapped.set(3, third);
        ChainProblem q = AuditChain.verify(swapped.iterator()).orElseThrow();
        assertEquals(ChainProblem.Kind.REMOVED, q.kind(), "id 3 is missing where 4 appears");
        assertEquals(3, q.entryId());
    }

    @Test
    void verifyStreamsAndStopsAtTheFirstProblem() {
        List<AuditEntry> log = chain(5);
        log.set(1, withModerator(log.get(1), "x"));
        int[] pulled = {0};
        Iterator<AuditEntry> counting = new Iterator<>() {
            final Iterator<AuditEntry> it = log.iterator();

            public boolean hasNext() {
                return it.hasNext();
            }

            public AuditEntry next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                pulled[0]++;
                return it.next();
            }
        };
        assertEquals(2, AuditChain.verify(counting).orElseThrow().entryId());
        assertEquals(2, pulled[0]);
    }
}
