package dev.modq.cli;

import dev.modq.core.Role;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class DecideCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void rejectingIdsAppliesThemInOneBatchAndPrintsNothingOnStdout() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("reject", "1", "2", "--reason", "spam");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().matches("modq: rejected 2; batch (\\S+); undo with: modq undo \\1\n"), r.err());
        assertEquals("rejected", fx.status(1));
        assertEquals("rejected", fx.status(2));
        assertEquals(1, fx.scalar("SELECT count(*) FROM batches"));
        assertEquals(2, fx.scalar("SELECT count(*) FROM audit_log WHERE reason = 'spam'"));
    }

    @Test
    void alreadyInTheStateCountsAsSuccess() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("approve", "4");
        assertEquals(0, r.code(), r.err());
        assertEquals("modq: approved 0, unchanged 1; nothing changed\n", r.err());
    }

    @Test
    void partialFailuresListExactlyTheFailingIdsAndExitThree() {
        CliFixture fx = CliFixture.small(backend, dir);
        // comment 2 is at version 0; the line says the caller saw version 7: a conflict.
        String stdin = "# ids from a script\n1\n\n999\n{\"id\": 2, \"version\": 7}\n4\n";
        CliRun r = fx.runWithStdin(stdin, "approve", "-");
        assertEquals(3, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("modq: 999: not found", lines.get(0));
        assertTrue(lines.get(1).startsWith("modq: 2: conflict: pending"), lines.get(1));
        assertTrue(lines.get(1).endsWith("not applied (use --force to override)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("modq: approved 1, unchanged 1, not found 1, conflict 1; batch "), lines.get(2));
        assertEquals(3, lines.size());
        assertEquals("approved", fx.status(1));
        assertEquals("pending", fx.status(2));
    }

    @Test
    void atomicLeavesNothingChanged() {
        CliFixture fx = CliFixture.small(backend, dir);
        String before = fx.state();
        CliRun r = fx.run("reject", "1", "2", "999", "--atomic");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("modq: 999: not found\n"), r.err());
        assertTrue(r.err().contains("--atomic: nothing applied"), r.err());
        assertEquals(before, fx.state());
    }

    @Test
    void dryRunPrintsTransitionsAndChangesNothing() {
        CliFixture fx = CliFixture.small(backend, dir);
        String before = fx.state();
        CliRun r = fx.run("reject", "1", "4", "5", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertEquals("1 pending -> rejected\n4 approved -> rejected\n5 flagged -> rejected\n", r.out());
        assertEquals("modq: dry run: would have rejected 3; nothing written\n", r.err());
        assertEquals(before, fx.state());
    }

    @Test
    void formatIdsPrintsTheChangedIds() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("flag", "1", "5", "6", "--format", "ids");
        assertEquals(0, r.code(), r.err());
        assertEquals("1\n6\n", r.out());
    }

    @Test
    void formatJsonlReportsEveryOutcome() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("reject", "1", "999", "--format", "jsonl");
        assertEquals(3, r.code(), r.err());
        assertEquals("{\"id\":1,\"result\":\"applied\",\"from\":\"pending\",\"to\":\"rejected\",\"detail\":null}\n"
                + "{\"id\":999,\"result\":\"not_found\",\"from\":null,\"to\":null,\"detail\":\"not found\"}\n", r.out());
    }

    @Test
    void anUnreadableStdinLineStopsEverythingAndNamesItsLine() {
        CliFixture fx = CliFixture.small(backend, dir);
        String before = fx.state();
        CliRun r = fx.runWithStdin("1\n2\n3x\n4\n", "reject", "-");
        assertEquals(2, r.code());
        assertEquals("modq: stdin line 3: expected a comment id or a JSON object with \"id\", not '3x'; nothing was applied\n",
                r.err());
        assertEquals(before, fx.state());
        assertEquals(2, fx.runWithStdin("{\"version\": 1}\n", "reject", "-").code());
        assertEquals(2, fx.runWithStdin("{\"id\": \"x\"}\n", "reject", "-").code());
        assertEquals(2, fx.run("reject", "abc").code());
        assertEquals(before, fx.state());
    }

    @Test
    void hundredThousandIdsOnStdinAreOneBatch() {
        int n = 100_000;
        CliFixture fx = CliFixture.many(backend, dir, n);
        StringBuilder ids = new StringBuilder(n * 7);
        for (int i = 1; i <= n; i++) {
            ids.append(i).append('\n');
        }
        CliRun r = fx.runWithStdin(ids.toString(), "reject", "-", "--reason", "spam wave");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: rejected 100000; batch "), r.err());
        assertEquals(n, fx.scalar("SELECT count(*) FROM comments WHERE status = 'rejected'"));
        assertEquals(n, fx.scalar("SELECT count(*) FROM audit_log"));
        assertEquals(1, fx.scalar("SELECT count(*) FROM batches"));
        CliRun verify = fx.run("log", "--verify");
        assertEquals(0, verify.code(), verify.err());
    }

    @Test
    void whereActsOnEveryMatch() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("reject", "--where", "status:pending", "--format", "ids");
        assertEquals(0, r.code(), r.err());
        assertEquals("1\n2\n3\n6\n", r.out());
        assertEquals(0, fx.scalar("SELECT count(*) FROM comments WHERE status = 'pending'"));
    }

    @Test
    void malformedWhereOnADecisionIsAUsageError() {
        CliFixture fx = CliFixture.small(backend, dir);
        String before = fx.state();
        CliRun r = fx.run("reject", "--where", "status:bogus");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: --where: "), r.err());
        assertEquals(before, fx.state());
    }

    @Test
    void idsAndWhereTogetherOrNeitherAreUsageErrors() {
        CliFixture fx = CliFixture.small(backend, dir);
        assertEquals(2, fx.run("reject").code());
        assertEquals(2, fx.run("reject", "1", "--where", "status:pending").code());
        assertEquals(2, fx.run("reject", "1", "--format", "csv").code());
    }

    @Test
    void aViewerIsRefused() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.addModerator("vera", Role.VIEWER);
        String before = fx.state();
        CliRun r = fx.run("--as", "vera", "reject", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("modq: vera is a viewer and may only browse"), r.err());
        assertEquals(1, r.err().lines().count());
        assertEquals(before, fx.state());
    }

    @Test
    void aTerminalIsAskedBeforeActingOnManyAndNoMeansNothing() {
        CliFixture fx = CliFixture.many(backend, dir, 30);
        AtomicReference<String> asked = new AtomicReference<>();
        String before = fx.state();
        CliRun r = fx.runWith(new ByteArrayInputStream(new byte[0]), q -> {
            asked.set(q);
            return false;
        }, "reject", "--where", "status:pending");
        assertEquals("Reject 30 comments?", asked.get());
        assertEquals(1, r.code());
        assertEquals(before, fx.state());

        asked.set(null);
        CliRun yes = fx.runWith(new ByteArrayInputStream(new byte[0]), q -> {
            asked.set(q);
            return false;
        }, "reject", "--where", "status:pending", "--yes");
        assertNull(asked.get());
        assertEquals(0, yes.code(), yes.err());
    }

    @Test
    void withoutATerminalNobodyIsAsked() {
        CliFixture fx = CliFixture.many(backend, dir, 30);
        CliRun r = fx.runWith(new ByteArrayInputStream("1\n2\n".repeat(1).getBytes(StandardCharsets.UTF_8)), null,
                "reject", "--where", "status:pending");
        assertEquals(0, r.code(), r.err());
        assertEquals(30, fx.scalar("SELECT count(*) FROM comments WHERE status = 'rejected'"));
    }
}
