package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UndoCommandTest {

    private static final Pattern BATCH = Pattern.compile("batch (\\S+);");

    @TempDir
    Path dir;

    @Test
    void undoRestoresMyLastBatch() {
        CliFixture fx = CliFixture.small(dir);
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
        CliFixture fx = CliFixture.small(dir);
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
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.run("undo", "20990101-000000-abcdef");
        assertEquals(2, r.code());
        assertEquals("modq: no batch '20990101-000000-abcdef': list batches with `modq log`\n", r.err());
    }

    static String batchOf(CliRun r) {
        Matcher m = BATCH.matcher(r.err());
        assertTrue(m.find(), r.err());
        return m.group(1);
    }
}
