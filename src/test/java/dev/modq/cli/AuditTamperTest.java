package dev.modq.cli;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.store.AuditFilter;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 6: what someone holding the file can do to the audit log with sqlite3 or psql (append-only
 * guards lifted), and what `log --verify`, `log --verify --expect` and `check` say about it.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class AuditTamperTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliFixture fx;

    @BeforeEach
    void decideSome() {
        fx = CliFixture.small(backend, dir);
        assertEquals(0, fx.run("reject", "1", "2", "--reason", "spam").code());
        assertEquals(0, fx.run("flag", "3", "--note", "look again").code());
        assertEquals(0, fx.run("approve", "6").code());
        assertEquals(0, fx.run("moderator", "add", "alice").code());
    }

    private void tamper(String... sql) {
        List<String> all = new ArrayList<>(fx.database.auditGuardsOff());
        all.addAll(List.of(sql));
        fx.exec(all.toArray(String[]::new));
    }

    private String head() {
        CliRun r = fx.run("log", "--head");
        assertEquals(0, r.code(), r.toString());
        return r.out().strip();
    }

    private List<AuditEntry> entries() {
        List<AuditEntry> all = new ArrayList<>();
        try (Store store = fx.database.open(OpenMode.EXISTING)) {
            store.forEachAudit(AuditFilter.ALL, all::add);
        }
        return all;
    }

    /** Rewrites the hash (and the next entry's prev_hash) of every entry from {@code fromId} on, as a forger would. */
    private void recomputeFrom(long fromId) {
        String prev = null;
        for (AuditEntry e : entries()) {
            if (e.id() < fromId) {
                prev = e.hash();
                continue;
            }
            AuditEntry relinked = new AuditEntry(e.id(), e.at(), e.moderator(), e.actor(), e.commentId(), e.action(),
                    e.fromStatus(), e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(),
                    e.versionAfter(), e.subject(), e.fromRole(), e.toRole(), e.chainVersion(), prev, null);
            String hash = AuditChain.hashOf(relinked);
            fx.exec("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE id = " + e.id());
            prev = hash;
        }
    }

    @Test
    void headPrintsTheCountAndTheNewestHashAndAnUntouchedLogMatchesIt() {
        String pin = head();
        assertTrue(pin.matches("5:[0-9a-f]{64}"), pin);
        assertEquals(fx.queryText("SELECT hash FROM audit_log WHERE id = 5").strip(), pin.substring(2));
        CliRun r = fx.run("log", "--verify", "--expect", pin);
        assertEquals(0, r.code(), r.toString());
        assertEquals("modq: audit log intact: 5 entries, head " + pin.substring(2, 14) + "; entry 5 matches the pin\n", r.err());
        fx.run("approve", "1");
        assertEquals(0, fx.run("log", "--verify", "--expect", pin).code(), "entries after the pin are fine");
    }

    @Test
    void reSplittingAReasonIntoTwoFieldsIsFound() {
        // an honest entry whose reason holds the old rule's separator byte, then split into reason and from_reason
        assertEquals(0, fx.run("reject", "4", "--reason", "spam\u001fabuse").code());
        assertEquals(0, fx.run("log", "--verify").code());
        assertEquals("spam\u001fabuse\n", fx.queryText("SELECT reason FROM audit_log WHERE id = 6"));
        tamper("UPDATE audit_log SET reason = 'spam', from_reason = 'abuse' WHERE id = 6");
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertEquals("modq: audit log broken: audit entry 6 was changed: its content does not match its hash\n", r.err());
    }

    @Test
    void truncatingTheNewestEntriesPassesTheChainButNotThePin() {
        String pin = head();
        tamper("DELETE FROM audit_log WHERE id >= 4");
        assertEquals(0, fx.run("log", "--verify").code(), "a shorter chain is still a chain: why pins exist");
        CliRun r = fx.run("log", "--verify", "--expect", pin);
        assertEquals(1, r.code());
        assertEquals("modq: audit log truncated: it has 3 entries, the pin " + pin + " says there were at least 5\n",
                r.err());
    }

    @Test
    void rewritingAnEntryAndRecomputingEveryLaterHashPassesTheChainButNotThePin() {
        String pin = head();
        tamper("UPDATE audit_log SET moderator = 'alice' WHERE id = 2");
        recomputeFrom(2);
        assertEquals(0, fx.run("log", "--verify").code(), "recomputed: intact in itself");
        CliRun r = fx.run("log", "--verify", "--expect", pin);
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modq: audit log rewritten: entry 5 has hash "), r.err());
    }

    @Test
    void aForgedActorIsFound() {
        tamper("UPDATE audit_log SET actor = 'alice' WHERE id = 3");
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("audit entry 3 was changed"), r.err());
        CliRun check = fx.run("check");
        assertEquals(1, check.code());
        assertTrue(check.out().contains("audit chain        FAIL first problem at entry 3 (changed)"), check.out());
    }

    @Test
    void aVersion2EntryPassedOffAsVersion1IsFound() {
        tamper("UPDATE audit_log SET chain_version = 1 WHERE id = 4");
        recomputeFrom(4);
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("audit entry 4 claims chain version 1 after version-2 entries"), r.err());
    }

    @Test
    void checkReportsADecidedCommentWhoseReasonDiffersFromItsLastEntry() {
        assertEquals(0, fx.run("check").code());
        fx.exec("UPDATE comments SET reason = 'abuse' WHERE id = 2");
        CliRun r = fx.run("check");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("audit vs comments  FAIL 1 comment differs from its last audit entry"), r.out());
        assertTrue(r.out().contains("comment 2 has reason 'abuse' but its last audit entry 2 says 'spam'"), r.out());
    }

    @Test
    void theLogFieldsOfDecisionsAndRosterChangesArePinnedByAGoldenFile() {
        fx.run("moderator", "role", "alice", "viewer");
        CliRun r = fx.run("log", "--format", "jsonl", "--fields", "id,moderator,actor,comment_id,action,from_status,"
                + "to_status,reason,from_reason,note,undo_of,version_after,subject,from_role,to_role,chain_version");
        assertEquals(0, r.code(), r.toString());
        // the OS user differs between machines; times, batch ids and hashes are covered by the tests above
        CliFixture.assertGolden("log-decisions-roster.jsonl",
                r.out().replace("\"" + dev.modq.service.Actors.osUser() + "\"", "\"OSUSER\""));
        CliRun all = fx.run("log", "--format", "csv", "--limit", "1");
        assertEquals("id,at,moderator,actor,comment_id,action,from_status,to_status,reason,from_reason,note,batch_id,"
                + "undo_of,version_after,subject,from_role,to_role,chain_version,prev_hash,hash",
                all.out().lines().findFirst().orElseThrow());
    }

    @Test
    void badPinsAndMisplacedOptionsAreUsageErrors() {
        assertEquals(ExitCode.USAGE, fx.run("log", "--verify", "--expect", "5:abc").code());
        assertEquals(ExitCode.USAGE, fx.run("log", "--expect", head()).code());
        assertEquals(ExitCode.USAGE, fx.run("log", "--head", "--verify").code());
    }
}
