package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class UndoCommandTest {

    @Parameter
    TestStores.Backend backend;

    private static final Pattern BATCH = Pattern.compile("batch (\\S+);");

    @TempDir
    Path dir;

    @Test
    void undoRestoresMyLastBatch() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "2");
        CliRun r = fx.run("undo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: undid batch "), r.err());
        assertTrue(r.err().contains(": restored 2; batch "), r.err());
        assertEquals("pending", fx.status(1));
        assertEquals("pending", fx.status(2));
        CliRun again = fx.run("undo");
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("modq: nothing to undo"), again.err());
    }

    @Test
    void aCommentChangedSinceIsAConflictAndExitsThree() {
        CliFixture fx = CliFixture.small(backend, dir);
        String batch = batchOf(fx.run("reject", "1", "2"));
        fx.run("approve", "1");
        CliRun r = fx.run("undo", batch);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: 1: conflict: approved by "), r.err());
        assertTrue(r.err().contains("restored 1, conflict 1"), r.err());
        assertEquals("approved", fx.status(1));
        assertEquals("pending", fx.status(2));
    }

    @Test
    void anUnknownBatchIsAUsageError() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("undo", "20990101-000000-abcdef");
        assertEquals(2, r.code());
        assertEquals("modq: no batch '20990101-000000-abcdef': list batches with `modq log`\n", r.err());
    }

    @Test
    void porcelainPrintsExactlyTheBatchIdForScripts() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun reject = fx.run("reject", "1", "2", "--porcelain");
        assertEquals(0, reject.code(), reject.err());
        assertTrue(reject.out().matches("\\d{8}-\\d{6}-[0-9a-f]{6}\n"), reject.out());
        assertEquals(batchOf(reject) + "\n", reject.out());
        CliRun again = fx.run("reject", "1", "--porcelain");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.out(), "no batch written, nothing printed");
        CliRun undo = fx.run("undo", reject.out().trim(), "--porcelain");
        assertEquals(0, undo.code(), undo.err());
        assertTrue(undo.out().matches("\\d{8}-\\d{6}-[0-9a-f]{6}\n") && !undo.out().equals(reject.out()), undo.out());
        assertTrue(undo.err().contains("; batch " + undo.out().trim()), undo.err());
        assertEquals("pending", fx.status(1));
        assertEquals(2, fx.run("approve", "1", "--porcelain", "--format", "ids").code());
        assertEquals(2, fx.run("approve", "1", "--porcelain", "--dry-run").code());
    }

    @Test
    void atomicUndoRestoresNothingWhenOneCommentConflicts() {
        CliFixture fx = CliFixture.small(backend, dir);
        String batch = batchOf(fx.run("reject", "1", "2"));
        fx.run("approve", "1");
        CliRun r = fx.run("undo", batch, "--atomic");
        assertEquals(3, r.code(), r.err());
        assertEquals("approved", fx.status(1));
        assertEquals("rejected", fx.status(2));
    }

    static String batchOf(CliRun r) {
        Matcher m = BATCH.matcher(r.err());
        assertTrue(m.find(), r.err());
        return m.group(1);
    }
}
