package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code modq pending}: decided comments back into the queue, through the same decision machinery. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class PendingCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void decidedCommentsGoBackToPendingInOneAuditedBatch() {
        CliFixture fx = CliFixture.small(backend, dir);  // 4 approved, 5 flagged
        CliRun r = fx.run("pending", "4", "5", "--note", "decided too fast");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().matches("modq: back to pending 2; batch (\\S+); undo with: modq undo \\1\n"), r.err());
        assertEquals("pending", fx.status(4));
        assertEquals("pending", fx.status(5));
        assertEquals("pending|approved|pending|decided too fast\npending|flagged|pending|decided too fast\n",
                fx.queryText("SELECT action, from_status, to_status, note FROM audit_log ORDER BY comment_id"));
        assertEquals("pending", fx.queryText("SELECT action FROM batches").trim());
        assertEquals(0, fx.run("log", "--verify").code(), "the hash chain holds");
        assertTrue(fx.run("stats", "--format", "json").out().contains("\"flag\" : 0,\n    \"pending\" : 2,"),
                "stats counts it");
        assertEquals(2, fx.run("log", "--action", "pending", "--format", "count").out().lines()
                .mapToLong(Long::parseLong).sum());
    }

    @Test
    void takesStdinAndWhereAndIsUndoneLikeAnyDecision() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "2");
        CliRun piped = fx.runWithStdin("1\n2\n", "pending", "-", "--porcelain");
        assertEquals(0, piped.code(), piped.err());
        String batch = piped.out().trim();
        assertEquals("pending", fx.status(1));
        CliRun undo = fx.run("undo", batch);
        assertEquals(0, undo.code(), undo.err());
        assertEquals("rejected", fx.status(1));
        assertEquals("rejected", fx.status(2));
        CliRun where = fx.run("pending", "--where", "status:rejected", "--format", "ids");
        assertEquals(0, where.code(), where.err());
        assertEquals(List.of("1", "2"), where.out().lines().toList());
    }

    @Test
    void aCommentChangedSinceItWasReadIsAConflictNotOverwritten() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("approve", "1");
        CliRun r = fx.runWithStdin("{\"id\": 1, \"version\": 0}\n", "pending", "-");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: 1: conflict: approved by "), r.err());
        assertEquals("approved", fx.status(1));
        assertEquals(0, fx.run("pending", "2").code(), "already pending counts as done");
    }
}
