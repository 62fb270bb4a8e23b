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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** show, count, stats, log, completion and every command's --help. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ReadCommandsTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @Test
    void showJsonMatchesTheGoldenFile() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("show", "2", "3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        CliFixture.assertGolden("show-2-3.json", r.out());
    }

    @Test
    void showTableIsAReadableSanitisedBlock() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("show", "3", "2");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"));
        assertFalse(r.out().contains("\u0007"));
        CliFixture.assertGolden("show-3-2.table", r.out());
    }

    @Test
    void showBoundsTheMetaItPrintsAndSaysSo() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
                + " INSERT INTO comment_meta (comment_id, meta_key, meta_value) SELECT 1, printf('k%05d', i), i FROM n");
        CliRun r = fx.run("show", "1", "--format", "jsonl");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"k01000\":\"1000\"") && !r.out().contains("k01001"), "the first 1,000 keys only");
        assertEquals("modq: 1: more than 1000 meta keys; showing the first 1000\n", r.err());
    }

    @Test
    void showNamesUnknownIdsAndExitsThree() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("show", "1", "999", "--format", "jsonl");
        assertEquals(3, r.code());
        assertEquals("modq: 999: not found\n", r.err());
        assertEquals(1, r.out().lines().count());
        assertTrue(r.out().startsWith("{\"id\":1,"), r.out());
    }

    @Test
    void countPrintsANumber() {
        CliFixture fx = CliFixture.small(backend, dir);
        assertEquals(new CliRun(0, "4\n", ""), fx.run("count"));
        assertEquals(new CliRun(0, "1\n", ""), fx.run("count", "--status", "approved"));
    }

    @Test
    void statsJsonHasEverySection() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1");
        CliRun r = fx.run("stats", "--format", "json", "--top", "1");
        assertEquals(0, r.code(), r.err());
        for (String key : List.of("\"by_status\"", "\"pending\" : 3", "\"rejected\" : 1", "\"top_posts\"",
                "\"by_moderator\"", "\"reject\" : 1", "\"per_day\"", "\"decisions\" : 1")) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        assertEquals(0, fx.run("stats").code());
    }

    @Test
    void logListsEntriesWithTheContractFields() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "--reason", "spam");
        fx.run("approve", "2");
        CliRun r = fx.run("log", "--format", "jsonl", "--action", "reject");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count());
        String line = r.out();
        for (String key : List.of("id", "at", "moderator", "comment_id", "action", "from_status", "to_status", "reason",
                "from_reason", "note", "batch_id", "undo_of", "version_after", "prev_hash", "hash")) {
            assertTrue(line.contains("\"" + key + "\":"), key);
        }
        assertTrue(line.contains("\"comment_id\":1,\"action\":\"reject\",\"from_status\":\"pending\",\"to_status\":\"rejected\",\"reason\":\"spam\""), line);
        assertEquals("comment_id\n2\n", fx.run("log", "--format", "csv", "--fields", "comment_id", "--comment", "2").out());
        assertEquals("2\n", fx.run("log", "--format", "count").out());
        assertEquals(2, fx.run("log", "--action", "delete").code());
        assertEquals(2, fx.run("log", "--since", "yesterday").code());
    }

    @Test
    void verifyFindsAChangedEntry() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "2", "3");
        assertEquals(0, fx.run("log", "--verify").code());
        fx.exec("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET reason = 'tampered' WHERE id = 2");
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertEquals("modq: audit log broken: audit entry 2 was changed: its content does not match its hash\n", r.err());
    }

    @Test
    void verifyFindsARemovedEntry() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "2", "3");
        fx.exec("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id = 2");
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertEquals("modq: audit log broken: audit entry 2 was removed (the log jumps from 1 to 3)\n", r.err());
    }

    @Test
    void verifyFindsAnEntryRewrittenWithAFreshHash() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.run("reject", "1", "2", "3");
        // a forger who recomputes entry 2's own hash still breaks the link from entry 3
        fx.exec("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET hash = 'f00d' WHERE id = 2");
        CliRun r = fx.run("log", "--verify");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("modq: audit log broken: audit entry 2 was changed"), r.err());
    }

    @Test
    void completionIsABashScript() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("completion");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("complete -F"), r.out().substring(0, 200));
        assertTrue(r.out().contains("reject"));
    }

    @Test
    void everyCommandHasHelpWithExamplesAndExitCodes() {
        CliFixture fx = CliFixture.small(backend, dir);
        for (String command : List.of("list", "count", "show", "approve", "reject", "flag", "undo", "stats", "log",
                "completion")) {
            CliRun r = fx.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Examples:"), command);
            assertTrue(r.out().contains("Exit codes: 0 ok"), command);
        }
    }
}
