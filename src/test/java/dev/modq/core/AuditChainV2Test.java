package dev.modq.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chain version 2 (length-prefixed fields), its coexistence with version-1 entries, and chain pins. */
class AuditChainV2Test {

    private static AuditEntry decision(int version, String reason, String fromReason, String note, String actor) {
        AuditEntry draft = new AuditEntry(1, Instant.ofEpochMilli(1_780_000_000_000L), "alice", actor, 42L, "reject",
                Status.PENDING, Status.REJECTED, reason, fromReason, note, "b1", null, 1, null, null, null, version,
                AuditChain.GENESIS, null);
        return AuditChainVerifyTest.withHash(draft, AuditChain.hashOf(draft));
    }

    @Test
    void reSplittingFieldsKeepsTheVersion1HashButNotTheVersion2Hash() {
        // reason "spam\\x1fabuse" re-split into reason "spam" and from_reason "abuse": the old rule cannot tell
        AuditEntry honestV1 = decision(1, "spam\u001fabuse", "x", "n", null);
        AuditEntry resplitV1 = decision(1, "spam", "abuse", "x\u001fn", null);
        assertEquals(honestV1.hash(), resplitV1.hash(), "the flaw version 2 exists to fix");

        AuditEntry honestV2 = decision(2, "spam\u001fabuse", "x", "n", "root");
        AuditEntry resplitV2 = decision(2, "spam", "abuse", "x\u001fn", "root");
        assertNotEquals(honestV2.hash(), resplitV2.hash());
        AuditEntry forged = AuditChainVerifyTest.withHash(resplitV2, honestV2.hash());
        assertEquals(ChainProblem.Kind.CHANGED, AuditChain.verify(List.of(forged).iterator()).orElseThrow().kind());
    }

    @Test
    void nullAndEmptyAndTheSeparatorAreAllDistinctUnderVersion2() {
        assertNotEquals(decision(2, null, null, null, "root").hash(), decision(2, "", null, null, "root").hash());
        assertNotEquals(decision(2, "a", "", null, "root").hash(), decision(2, "", "a", null, "root").hash());
    }

    @Test
    void aForgedActorBreaksTheChain() {
        List<AuditEntry> log = AuditChainVerifyTest.chain(5);
        AuditEntry e = log.get(2);
        log.set(2, new AuditEntry(e.id(), e.at(), e.moderator(), "alice", e.commentId(), e.action(), e.fromStatus(),
                e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(), e.versionAfter(),
                e.subject(), e.fromRole(), e.toRole(), e.chainVersion(), e.prevHash(), e.hash()));
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(3, p.entryId());
        assertEquals(ChainProblem.Kind.CHANGED, p.kind());
    }

    @Test
    void oldEntriesKeepVerifyingUnderVersion1AndNewOnesUnderVersion2() {
        assertEquals(Optional.empty(), AuditChain.verify(AuditChainVerifyTest.chain(10, 4).iterator()));
        assertEquals(Optional.empty(), AuditChain.verify(AuditChainVerifyTest.chain(3, 3).iterator()));
    }

    @Test
    void aVersion2EntryRewrittenUnderTheAmbiguousRuleIsRefused() {
        List<AuditEntry> log = AuditChainVerifyTest.chain(6, 2);
        AuditEntry e = log.get(4);
        AuditEntry downgraded = new AuditEntry(e.id(), e.at(), e.moderator(), e.actor(), e.commentId(), e.action(),
                e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(),
                e.versionAfter(), e.subject(), e.fromRole(), e.toRole(), 1, e.prevHash(), null);
        log.set(4, AuditChainVerifyTest.withHash(downgraded, AuditChain.hashOf(downgraded)));
        ChainProblem p = AuditChain.verify(log.iterator()).orElseThrow();
        assertEquals(5, p.entryId());
        assertTrue(p.message().contains("claims chain version 1"), p.message());
    }

    @Test
    void aPinCatchesATruncatedLog() {
        List<AuditEntry> log = AuditChainVerifyTest.chain(10);
        ChainPin pin = new ChainPin(10, log.get(9).hash());
        List<AuditEntry> truncated = log.subList(0, 7);
        assertEquals(Optional.empty(), AuditChain.verify(truncated.iterator()), "the chain alone cannot tell");
        String why = pin.mismatch(7, Optional.empty()).orElseThrow();
        assertTrue(why.startsWith("audit log truncated: it has 7 entries"), why);
        assertEquals(Optional.empty(), pin.mismatch(10, Optional.of(log.get(9).hash())));
        assertEquals(Optional.empty(), pin.mismatch(12, Optional.of(log.get(9).hash())), "entries after the pin are fine");
    }

    @Test
    void aPinCatchesALogRewrittenWithEveryLaterHashRecomputed() {
        List<AuditEntry> log = AuditChainVerifyTest.chain(10);
        ChainPin pin = new ChainPin(8, log.get(7).hash());
        // forge entry 3 and recompute every hash after it: a consistent chain, different from the one pinned
        String prev = log.get(1).hash();
        for (int i = 2; i < 10; i++) {
            AuditEntry e = log.get(i);
            AuditEntry relinked = new AuditEntry(e.id(), e.at(), i == 2 ? "mallory" : e.moderator(), e.actor(),
                    e.commentId(), e.action(), e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(),
                    e.batchId(), e.undoOf(), e.versionAfter(), e.subject(), e.fromRole(), e.toRole(), e.chainVersion(),
                    prev, null);
            log.set(i, AuditChainVerifyTest.withHash(relinked, AuditChain.hashOf(relinked)));
            prev = log.get(i).hash();
        }
        assertEquals(Optional.empty(), AuditChain.verify(log.iterator()), "recomputed: intact in itself");
        String why = pin.mismatch(10, Optional.of(log.get(7).hash())).orElseThrow();
        assertTrue(why.startsWith("audit log rewritten: entry 8 has hash"), why);
    }

    @Test
    void pinsParseTheHeadFormatAndRefuseAnythingElse() {
        String hash = "9f2c" + "0".repeat(60);
        assertEquals(new ChainPin(1234, hash), ChainPin.parse("1234:" + hash.toUpperCase()));
        assertEquals("1234:" + hash, ChainPin.parse(" 1234:" + hash + "\n").toString());
        assertThrows(IllegalArgumentException.class, () -> ChainPin.parse("1234:9f2c"));
        assertThrows(IllegalArgumentException.class, () -> ChainPin.parse(hash));
    }
}
