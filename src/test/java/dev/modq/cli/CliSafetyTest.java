package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes a script makes (an unset variable, a big id, WP-CLI's id list) and streams that fail under modq. */
class CliSafetyTest {

    @TempDir
    Path dir;

    // ---- 10.4: a blank query selects nothing, it is refused

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "\u00a0", " \u2003 "})
    void aBlankWhereIsRefusedByDecisionsAndChangesNothing(String blank) {
        CliFixture fx = CliFixture.small(dir);
        String before = fx.state();
        for (String verb : List.of("reject", "approve", "flag")) {
            CliRun r = fx.run(verb, "--where", blank, "--reason", "spam", "--yes");
            assertEquals(2, r.code(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("modq: --where is empty: give a query"), r.err());
        }
        assertEquals(before, fx.state(), "nothing was decided");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "count", "export"})
    void aBlankWhereMeansTheSameForReadCommands(String command) {
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.run(command, "--where", " ");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("modq: --where is empty"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--author", "--post", "--email", "--ip", "--text", "--status", "--since", "--until", "--links"})
    void anEmptyFilterValueIsRefusedNotMatchedAgainstEverything(String option) {
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.run("count", option, "");
        assertEquals(2, r.code(), r.toString());
        if (option.equals("--since") || option.equals("--until")) { // refused by the one time grammar's converter
            assertTrue(r.err().startsWith("modq: Invalid value for option '" + option + "': '' is not a time"), r.err());
        } else {
            assertEquals("modq: " + option + " is empty: give a value, or leave " + option + " out; nothing was done\n", r.err());
        }
    }

    @Test
    void noIdsOnStdinDecideNothing() {
        CliFixture fx = CliFixture.small(dir);
        String before = fx.state();
        CliRun r = fx.runWithStdin("\n# nothing matched upstream\n", "reject", "-", "--reason", "spam");
        assertEquals(0, r.code(), r.toString());
        assertEquals("modq: rejected 0; nothing changed\n", r.err());
        assertEquals(before, fx.state());
    }

    // ---- 11.15: ids as list --format ids and WP-CLI print them

    @Test
    void nineteenDigitIdsAreRead() {
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.runWithStdin(Long.MAX_VALUE + "\n1000000000000000000\n", "approve", "-");
        assertEquals(3, r.code(), r.toString());
        assertEquals(List.of("modq: 9223372036854775807: not found", "modq: 1000000000000000000: not found"),
                r.err().lines().limit(2).toList());
        assertEquals(3, fx.run("approve", String.valueOf(Long.MAX_VALUE)).code());
    }

    @Test
    void anIdBeyondTheLargestIsOneClearLineAndNothingApplies() {
        CliFixture fx = CliFixture.small(dir);
        String before = fx.state();
        CliRun r = fx.runWithStdin("1\n9223372036854775808\n", "approve", "-");
        assertEquals(2, r.code(), r.toString());
        assertEquals("modq: comment id 9223372036854775808 is larger than any comment id can be (9223372036854775807);"
                + " nothing was applied\n", r.err());
        assertEquals(2, fx.run("approve", "1", "99999999999999999999999").code());
        assertEquals(before, fx.state());
    }

    @Test
    void spaceAndTabSeparatedIdsAreReadFromStdinAndArguments() {
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.runWithStdin("1 2\t3\n", "flag", "-");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().startsWith("modq: flagged 3; batch "), r.err());
        CliRun args = fx.run("approve", "1 2", " 6 ");
        assertEquals(0, args.code(), args.toString());
        assertTrue(args.err().startsWith("modq: approved 3; batch "), args.err());
        assertEquals("approved\napproved\nflagged\napproved\nflagged\napproved\n",
                fx.queryText("SELECT status FROM comments ORDER BY id"));
    }

    @Test
    void aBadWordAmongIdsNamesItsLine() {
        CliFixture fx = CliFixture.small(dir);
        CliRun r = fx.runWithStdin("1\n2 x3\n", "approve", "-");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("modq: stdin line 2: expected a comment id or a JSON object with \"id\", not 'x3'"), r.err());
    }

    // ---- 11.17: reasons in lower case

    @Test
    void aReasonIsStoredInLowerCaseSoEveryReaderAgrees() {
        CliFixture fx = CliFixture.small(dir);
        assertEquals(0, fx.run("reject", "1", "--reason", " SPAM ").code());
        assertEquals(0, fx.run("reject", "2", "--reason", "Off-Topic").code());
        assertEquals("1|spam\n2|off-topic\n", fx.queryText("SELECT id, reason FROM comments WHERE reason IS NOT NULL ORDER BY id"));
        assertEquals("spam\noff-topic\n", fx.queryText("SELECT reason FROM audit_log ORDER BY id"));
        assertEquals("1\n", fx.run("count", "--status", "all", "--where", "reason:Spam").out());
        assertEquals("2\n", fx.run("list", "--status", "all", "--where", "reason:OFF-TOPIC", "--format", "ids").out());
    }

    // ---- 10.11: CSV cells a spreadsheet would run

    @Test
    void csvGuardsFormulasWhileJsonStaysExact() {
        CliFixture fx = CliFixture.small(dir);
        fx.exec("UPDATE comments SET body = '=HYPERLINK(\"http://evil.example\",\"x\")' WHERE id = 1",
                "UPDATE comments SET author_name = '+cmd|'' /C calc''!A0' WHERE id = 2",
                "UPDATE comments SET body = char(9) || '=1+1' WHERE id = 3",
                "UPDATE comments SET body = '  @SUM(A1:A9)' WHERE id = 4",
                "UPDATE comments SET body = '-2+3' WHERE id = 5");
        String csv = fx.run("list", "--status", "all", "--format", "csv", "--fields", "id,author_name,body").out();
        assertEquals(List.of("id,author_name,body",
                "1,Alice,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
                "2,'+cmd|' /C calc'!A0,Buy now http://spam.example http://spam2.example https://x.example",
                "3,Eve\u001b[31m,'\t=1+1",
                "4,carol,'  @SUM(A1:A9)",
                "5,dave,'-2+3",
                "6,bob,Second from bob"), csv.lines().toList());
        String json = fx.run("list", "--status", "all", "--format", "jsonl", "--fields", "id,body", "--where", "id:1").out();
        assertEquals("{\"id\":1,\"body\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"}\n", json);
    }

    @Test
    void csvExportGuardsFormulasAndImportsBackExactly() throws Exception {
        CliFixture fx = CliFixture.small(dir);
        fx.exec("UPDATE comments SET body = '=HYPERLINK(\"http://evil.example\")' WHERE id = 1",
                "UPDATE comments SET body = '''=already quoted' WHERE id = 2",
                "UPDATE comments SET author_name = '@bob' WHERE id = 6",
                "UPDATE comments SET body = '''Tis the season' WHERE id = 4");
        CliRun export = fx.run("export", "--format", "csv");
        assertEquals(0, export.code(), export.toString());
        assertTrue(export.out().contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","), export.out());
        assertTrue(export.out().contains(",''=already quoted,"), export.out());
        assertTrue(export.out().contains(",'@bob,"), export.out());
        assertTrue(export.out().contains(",'Tis the season,"), export.out());

        Path file = dir.resolve("export.csv");
        Files.writeString(file, export.out());
        Path other = dir.resolve("other.db");
        assertEquals(0, CliRun.run("--db", other.toString(), "init").code());
        CliRun imported = CliRun.run("--db", other.toString(), "import", file.toString());
        assertEquals(0, imported.code(), imported.toString());
        CliFixture copy = CliFixture.at(other);
        String what = "SELECT author_name, body FROM comments ORDER BY created_at, id";
        assertEquals(fx.queryText(what), copy.queryText(what));
    }

    // ---- 10.7: the demo replaces only an untouched demo

    @Test
    void theDemoReplacesItsOwnUntouchedDatabase() {
        Path db = dir.resolve("demo.db");
        assertEquals(0, demo(db, "42").code());
        CliRun again = demo(db, "7");
        assertEquals(0, again.code(), again.toString());
    }

    @Test
    void aDemoThatReceivedDecisionsOrAnImportOrEditsIsNeverReplaced() throws Exception {
        Path jsonl = Path.of(getClass().getResource("/import/comments.jsonl").toURI());
        List<List<String>> afterwards = List.of(
                List.of("reject", "1", "2", "3", "--reason", "spam"),
                List.of("import", jsonl.toString()),
                List.of("sql", "UPDATE comments SET body = 'edited by the blog' WHERE id = 5"),
                List.of("sql", "DELETE FROM comments WHERE id = (SELECT max(id) FROM comments)"),
                List.of("sql", "UPDATE posts SET source_system = 'myblog' WHERE id = 1"));
        int n = 0;
        for (List<String> step : afterwards) {
            Path db = dir.resolve("demo" + n++ + ".db");
            assertEquals(0, demo(db, "42").code());
            if (step.get(0).equals("sql")) {
                CliFixture.at(db).exec(step.get(1));
            } else {
                CliRun r = CliRun.onDb(db, null, null, step.toArray(String[]::new));
                assertTrue(r.code() == 0, step + ": " + r);
            }
            CliFixture fx = CliFixture.at(db);
            String before = fx.state() + fx.queryText("SELECT count(*), max(id) FROM comments");
            CliRun again = demo(db, "7");
            assertEquals(2, again.code(), step + ": " + again);
            assertEquals(1, again.err().lines().count(), again.err());
            assertTrue(again.err().startsWith("modq: " + db + " began as a demo but now holds "), again.err());
            assertTrue(again.err().endsWith("choose another --db for the demo, or delete the file yourself if it may go\n"),
                    again.err());
            assertEquals(before, fx.state() + fx.queryText("SELECT count(*), max(id) FROM comments"), step + ": untouched");
        }
    }

    private static CliRun demo(Path db, String seed) {
        return CliRun.run("demo", "--comments", "40", "--seed", seed, "--no-open", "--db", db.toString());
    }

    // ---- 10.10: stdout that cannot be written

    @Test
    void aFullDiskIsOneLineAndExitOne() {
        CliFixture fx = CliFixture.small(dir);
        for (List<String> args : List.of(List.of("list", "--status", "all", "--format", "ids"), List.of("export"),
                List.of("list", "--format", "csv"), List.of("count"), List.of("show", "1", "--format", "json"),
                List.of("--help"), List.of("list", "--help"), List.of("--version"))) {
            CliRun r = CliRun.toStream(new FailingStream(0, "No space left on device"),
                    withDb(fx, args.toArray(String[]::new)));
            assertEquals(1, r.code(), args + ": " + r);
            assertEquals("modq: cannot write to stdout: No space left on device\n", r.err(), args.toString());
        }
    }

    @Test
    void aClosedPipeStopsTheListingWithinABufferOfRows() {
        CliFixture fx = CliFixture.many(dir, 5_000);
        FailingStream whole = new FailingStream(Long.MAX_VALUE, null);
        assertEquals(0, CliRun.toStream(whole, withDb(fx, "list", "--format", "jsonl")).code());

        FailingStream closed = new FailingStream(100, "Broken pipe");
        CliRun r = CliRun.toStream(closed, withDb(fx, "list", "--format", "jsonl"));
        assertEquals(Stdout.BROKEN_PIPE, r.code(), r.toString());
        assertEquals("", r.err(), "a closed pipe is not an error to talk about");
        assertTrue(whole.offered > 500_000, "the whole listing is large: " + whole.offered);
        assertTrue(closed.offered < 20_000, "stopped at the first failed write, not after all 5,000 rows: "
                + closed.offered + " bytes offered");
        assertEquals(1, closed.failures, "nothing written after the pipe closed");
    }

    @Test
    void anAtomicRollBackSaysSoPerComment() {
        CliFixture fx = CliFixture.small(dir);
        String before = fx.state();
        CliRun r = fx.run("reject", "1", "999", "--atomic", "--format", "jsonl");
        assertEquals(3, r.code(), r.toString());
        assertEquals(List.of(
                "{\"id\":1,\"result\":\"rolled_back\",\"from\":\"pending\",\"to\":\"rejected\","
                        + "\"detail\":\"not applied: --atomic and 1 comment(s) failed\"}",
                "{\"id\":999,\"result\":\"not_found\",\"from\":null,\"to\":null,\"detail\":\"not found\"}"),
                r.out().lines().toList());
        assertEquals("", fx.run("reject", "1", "999", "--atomic", "--format", "ids").out(), "no id changed");
        assertEquals(before, fx.state());
    }

    private static String[] withDb(CliFixture fx, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = fx.db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    /** Accepts {@code capacity} bytes, then fails every write with {@code message}, counting what it was offered. */
    private static final class FailingStream extends OutputStream {
        private final long capacity;
        private final String message;
        long offered;
        int failures;

        FailingStream(long capacity, String message) {
            this.capacity = capacity;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            offered += len;
            if (offered > capacity) {
                failures++;
                throw new IOException(message);
            }
        }
    }
}
