package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ListCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliFixture fx;

    @BeforeEach
    void setUp() {
        fx = CliFixture.small(backend, dir);
    }

    @Test
    void jsonOfEveryCommentMatchesTheGoldenFile() {
        CliRun r = fx.run("list", "--status", "all", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        CliFixture.assertGolden("list-all.json", r.out());
    }

    @Test
    void jsonLinesMatchTheGoldenFile() {
        CliRun r = fx.run("list", "--status", "all", "--format", "jsonl");
        assertEquals(0, r.code(), r.err());
        CliFixture.assertGolden("list-all.jsonl", r.out());
    }

    @Test
    void csvMatchesTheGoldenFile() {
        CliRun r = fx.run("list", "--status", "all", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        CliFixture.assertGolden("list-all.csv", r.out());
    }

    @Test
    void idsOfPendingCommentsMatchTheGoldenFile() {
        CliRun r = fx.run("list", "--format", "ids");
        assertEquals(0, r.code(), r.err());
        CliFixture.assertGolden("list-pending.ids", r.out());
    }

    @Test
    void countFormatMatchesTheGoldenFile() {
        CliRun r = fx.run("list", "--format", "count");
        assertEquals(0, r.code(), r.err());
        CliFixture.assertGolden("list-pending.count", r.out());
    }

    @Test
    void tableIsSanitisedAndMatchesTheGoldenFile() {
        CliRun r = fx.run("list");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"), "no raw ESC reaches the terminal");
        assertFalse(r.out().contains("\u202e"), "no bidi override reaches the terminal");
        assertTrue(r.out().contains("^["), r.out());
        CliFixture.assertGolden("list-pending.table", r.out());
    }

    @Test
    void jsonEscapesControlCharacters() {
        CliRun r = fx.run("list", "--format", "jsonl", "--fields", "id,author_name,body", "--author", "eve",
                "--where", "status:pending post:2");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"));
        assertTrue(r.out().startsWith("{\"id\":3,"), r.out());
        assertTrue(r.out().contains("\\u001B") || r.out().contains("\\u001b"), r.out());
    }

    @Test
    void fieldsChooseColumnsInOrder() {
        CliRun r = fx.run("list", "--format", "csv", "--fields", "status,id", "--sort", "-created");
        assertEquals(0, r.code(), r.err());
        assertEquals("status,id\npending,6\npending,3\npending,2\npending,1\n", r.out());
    }

    @Test
    void statusOptionAndStatusInWhereAgree() {
        assertEquals("4\n", fx.run("list", "--status", "approved", "--format", "ids").out());
        assertEquals("4\n", fx.run("list", "--where", "status:approved", "--format", "ids").out());
        assertEquals("1\n", fx.run("count", "--where", "status:flagged").out());
        assertEquals("6\n", fx.run("count", "--status", "all").out());
        assertEquals("4\n", fx.run("count").out());
    }

    @Test
    void limitAndSort() {
        assertEquals("6\n3\n", fx.run("list", "--format", "ids", "--sort", "-created", "--limit", "2").out());
        assertEquals("1\n2\n", fx.run("list", "--format", "ids", "--sort", "id", "--limit", "2").out());
    }

    @Test
    void optionFiltersComposeIntoOneQuery() {
        assertEquals("2\n6\n", fx.run("list", "--author", "bob", "--format", "ids").out());
        assertEquals("2\n", fx.run("list", "--links", ">2", "--format", "ids").out());
        assertEquals("1\n4\n", fx.run("list", "--status", "all", "--ip", "10.0.0.0/24", "--format", "ids").out());
        assertEquals("3\n6\n", fx.run("list", "--post", "Harbour \"works\"", "--format", "ids").out());
        assertEquals("1\n", fx.run("list", "--text", "great PIECE", "--format", "ids").out());
        assertEquals("1\n2\n", fx.run("list", "--until", "2026-01-05T10:02:00Z", "--format", "ids").out());
        assertEquals("6\n", fx.run("list", "--since", "2026-01-05T10:05:00Z", "--format", "ids").out());
        assertEquals("2\n", fx.run("list", "--email", "bob@", "--where", "links:>=1", "--format", "ids").out());
    }

    @Test
    void malformedWhereNamesTheColumn() {
        CliRun r = fx.run("list", "--where", "links:>x");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("modq: --where: expected a number after 'links:>' at column 8"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        CliRun later = fx.run("count", "--where", "author:bob links:>x");
        assertTrue(later.err().contains("at column 19"), later.err());
        CliRun option = fx.run("list", "--ip", "10.0.0.999");
        assertEquals(2, option.code());
        assertTrue(option.err().startsWith("modq: --ip: bad IP address '10.0.0.999'"), option.err());
        assertFalse(option.err().contains("column"), option.err());
    }

    @Test
    void unknownStatusIsAUsageError() {
        CliRun r = fx.run("list", "--status", "spam");
        assertEquals(2, r.code());
        assertEquals("modq: --status: unknown status 'spam': use one of pending, approved, rejected, flagged, or all\n", r.err());
    }

    @Test
    void unknownFieldAndFormatAndSortAreUsageErrors() {
        assertEquals(2, fx.run("list", "--fields", "id,colour").code());
        assertEquals(2, fx.run("list", "--format", "yaml").code());
        assertEquals(2, fx.run("list", "--sort", "likes").code());
        assertEquals(2, fx.run("list", "--limit", "-1").code());
    }

    @Test
    void aMissingDatabaseIsOneLineAndExitOne() {
        CliFixture none = CliFixture.at(dir.resolve("nope.db"));
        CliRun r = none.run("list");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("modq: no modq database at "), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void aWhereOfThousandsOfTermsCountsInsteadOfFailingInSqlite() {
        for (int n : new int[]{1_000, 5_000}) {
            String blocklist = java.util.stream.IntStream.range(0, n - 1).mapToObj(i -> "-author:spammer" + i)
                    .collect(java.util.stream.Collectors.joining(" ")) + " -author:bob";
            CliRun r = fx.run("count", "--where", blocklist);
            assertEquals(0, r.code(), r.err());
            assertEquals("2\n", r.out(), n + " terms");  // pending without bob's two
        }
        CliRun tooMany = fx.run("count", "--where", "-author:x ".repeat(dev.modq.core.query.Query.MAX_TERMS + 1));
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().startsWith("modq: --where: too many terms: at most 10000 at column "), tooMany.err());
        assertEquals(1, tooMany.err().lines().count(), tooMany.err());
    }
}
