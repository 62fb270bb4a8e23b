package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnCommandTest {

    @TempDir
    Path dir;

    /** 400 lines alternating ham and spam: the oldest half trains, the 200 newer are scored, every one right. */
    @Test
    void evaluateALabelledFileGivesExactCountsAsJson() throws IOException {
        StringBuilder tsv = new StringBuilder("Label\tSMS\n");
        for (int i = 0; i < 400; i++) {
            tsv.append(i % 2 == 0 ? "ham\tsee you at the council meeting " + i : "spam\tWIN a casino bonus now " + i)
                    .append('\n');
        }
        Path file = dir.resolve("labelled.tsv");
        Files.writeString(file, tsv);
        CliRun r = CliRun.run("learn", "--evaluate", "--labelled", file.toString(), "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("\"labelled\" : 400"), r.out());
        assertTrue(r.out().contains("\"trained\" : 200"), r.out());
        assertTrue(r.out().contains("\"spam\" : {\n      \"total\" : 100,\n      \"caught\" : 100,"), r.out());
        assertTrue(r.out().contains("\"ham\" : {\n      \"total\" : 100,\n      \"held\" : 0,"), r.out());
        assertTrue(r.out().contains("\"meets_goal\" : true"), r.out());
    }

    @Test
    void aBadLabelIsOneLineNamingTheLine() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "ham\tfine\nmaybe\tnot a label\n");
        CliRun r = CliRun.run("learn", "--evaluate", "--labelled", file.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("line 2: expected 'ham' or 'spam'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
