package dev.modq.io;

import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broken input fails with one located line, and the database is exactly as before. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class BrokenInputTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;
    String before;

    @BeforeEach
    void importSomethingAndDecide() {
        modq = new CliHarness(backend, dir);
        assertEquals(0, modq.run("import", fixture("comments.jsonl").toString()).code());
        long id = Long.parseLong(modq.one("SELECT id FROM comments WHERE source_id = 'c2'"));
        try (Store store = modq.database.open(OpenMode.EXISTING)) {
            new ModerationService(store, Actors.resolve(store, Actors.osUser(), null), Clock.systemUTC())
                    .decide(Decision.APPROVE, List.of(Target.any(id)), DecideOptions.DEFAULT);
        }
        before = modq.fingerprint();
    }

    /** Default mode: the bad record is skipped and listed (exit 3), nothing of it is written. */
    private void assertSkippedAndListed(String expected, String... args) {
        CliRun r = modq.run(ImportCommandTest.prepend("import", args));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("could not be imported and were skipped"), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
    }

    private void assertFailsUnchanged(String expected, String... args) {
        String[] all = ImportCommandTest.prepend("import", args);
        CliRun r = modq.run(all);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("modq: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one error line: " + r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertEquals(before, modq.fingerprint(), "the database is unchanged");
    }

    @Test
    void truncatedXmlNamesTheEndOfTheFile() throws Exception {
        byte[] wxr = Files.readAllBytes(fixture("wxr-1.2.xml"));
        Path file = CliHarness.write(dir, "truncated.xml", Arrays.copyOf(wxr, wxr.length / 2));
        // the good file goes first: its comments must not survive the failure of the second
        assertFailsUnchanged("truncated.xml:", fixture("disqus.xml").toString(), file.toString());
        assertTrue(modq.run("import", file.toString()).err().contains("unexpected end of file (is it truncated?)"));
    }

    @Test
    void xmlCutInsideAClosingTagIsCalledTruncatedButBadXmlEarlierIsNot() throws Exception {
        String wxr = Files.readString(fixture("wxr-1.2.xml"));
        int cut = wxr.indexOf("</wp:comment>", wxr.length() / 2) + "</wp:com".length();
        Path file = CliHarness.write(dir, "cut-in-tag.xml", wxr.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("unexpected end of file (is it truncated?)", file.toString());
        int early = wxr.indexOf("</wp:comment>");
        Path bad = CliHarness.write(dir, "bad-tag.xml", (wxr.substring(0, early) + "</wp:commentz>" + wxr.substring(early
                + "</wp:comment>".length())).getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("invalid XML: ", bad.toString());
    }

    @Test
    void truncatedJsonLinesNameLineAndColumn() throws Exception {
        String jsonl = Files.readString(fixture("comments.jsonl"));
        Path file = CliHarness.write(dir, "cut.jsonl", jsonl.substring(0, jsonl.length() - 40).getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("cut.jsonl:4:", file.toString());
        assertTrue(modq.run("import", file.toString()).err().contains("invalid JSON: Unexpected end-of-input"));
    }

    @Test
    void invalidUtf8IsRefusedWithItsPlace() throws Exception {
        byte[] wxr = Files.readString(fixture("wxr-1.2.xml")).replace("Troll", "Tr\u0000ll")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < wxr.length; i++) {
            if (wxr[i] == 0) {
                wxr[i] = (byte) 0xC3; // a lead byte followed by 'l': not UTF-8 (Latin-1 "Ã")
            }
        }
        Path file = CliHarness.write(dir, "latin1.xml", wxr);
        assertFailsUnchanged("invalid UTF-8 byte sequence", file.toString());
        String err = modq.run("import", file.toString()).err();
        assertTrue(err.contains("latin1.xml:83:25:"), err);
    }

    @Test
    void invalidUtf8InJsonLines() throws Exception {
        byte[] bytes = "{\"post_id\":\"p\",\"comment_id\":\"x\",\"created_at\":\"2024-01-01\",\"body\":\"caf\u0000\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 4] = (byte) 0xE9;
        Path file = CliHarness.write(dir, "latin1.jsonl", bytes);
        assertFailsUnchanged("latin1.jsonl:1:", file.toString());
    }

    @Test
    void aFileThatIsNotXmlGivenAsWxr() {
        assertFailsUnchanged("notes.txt:1:1: expected XML (a '<' near the start), found \"this is just some te\"",
                "--format", "wxr", fixture("notes.txt").toString());
    }

    @Test
    void anUnknownFormatAsksForFormat() {
        assertFailsUnchanged("notes.txt: cannot tell the format (it starts with \"this is just some text\"): pass --format",
                fixture("notes.txt").toString());
    }

    @Test
    void xmlOfAnotherKindIsNotGuessed() throws Exception {
        Path file = CliHarness.write(dir, "other.xml", "<?xml version=\"1.0\"?><html><body/></html>".getBytes());
        assertFailsUnchanged("cannot tell the format (it is XML with root element <html>, not a WordPress <rss>",
                file.toString());
    }

    @Test
    void csvWithAMissingColumnNamesIt() throws Exception {
        Path file = CliHarness.write(dir, "noid.csv", "post_id,author_name\np,Dora\n".getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("noid.csv:1 (record 0): the CSV header lacks column(s) [comment_id]", "--format", "csv",
                file.toString());
    }

    @Test
    void newCommentsWithoutADateAreSkippedWithTheirPostsAndListed() {
        assertSkippedAndListed("missing-column.csv:2 (record 1): comment k1 is new here and has no created_at",
                fixture("missing-column.csv").toString());
        assertEquals(before, modq.fingerprint(), "neither the comments nor their posts were written");
        assertFailsUnchanged("comment k1 is new here and has no created_at (--strict", "--strict",
                fixture("missing-column.csv").toString());
    }

    @Test
    void csvRecordWithTooFewFields() throws Exception {
        Path file = CliHarness.write(dir, "short.csv", "post_id,comment_id,created_at,body\np,1,2024-01-01,hi\np,2\n"
                .getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("record 2 has 2 fields, the header has 4", "--strict", file.toString());
        assertSkippedAndListed("short.csv:3 (record 2): record 2 has 2 fields, the header has 4", file.toString());
        assertEquals("hi", modq.one("SELECT body FROM comments WHERE source_id = '1'"), "the good record is imported");
        assertEquals("0", modq.one("SELECT count(*) FROM comments WHERE source_id = '2'"));
    }

    @Test
    void aBadDateNamesRecordAndExpectation() throws Exception {
        Path file = CliHarness.write(dir, "date.jsonl",
                "{\"post_id\":\"p\",\"comment_id\":\"x\",\"created_at\":\"yesterday\"}\n".getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("date.jsonl:1:", "--strict", file.toString());
        assertTrue(modq.run("import", file.toString()).err()
                .contains("comment x has date 'yesterday': expected an ISO-8601 time like 2024-05-01T10:00:00Z"));
    }

    @Test
    void aTwoMegabyteCommentIsRefused() throws Exception {
        String body = "x".repeat(2 * 1024 * 1024);
        Path file = CliHarness.write(dir, "huge.jsonl", ("{\"post_id\":\"p\",\"comment_id\":\"big\",\"created_at\":"
                + "\"2024-01-01T00:00:00Z\",\"body\":\"" + body + "\"}\n").getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("huge.jsonl:1:", "--strict", file.toString());
        assertSkippedAndListed("comment big has a body of 2097152 characters; the limit is 1048576", file.toString());
        assertEquals(before, modq.fingerprint());
    }

    @Test
    void aTenMegabyteCommentInWxrIsRefused() throws Exception {
        String wxr = Files.readString(fixture("wxr-1.2.xml"))
                .replace("trashed</wp:comment_content>", "x".repeat(10 * 1024 * 1024) + "</wp:comment_content>");
        Path file = CliHarness.write(dir, "huge.xml", wxr.getBytes(StandardCharsets.UTF_8));
        assertFailsUnchanged("huge.xml:85:6291480: a text of more than 6,291,456 characters (one comment is at most"
                + " 1,048,576 characters): a broken export (the limit is fixed", file.toString());
    }

    @Test
    void aMissingFileIsNamed() {
        assertFailsUnchanged("nope.xml: no such file", dir.resolve("nope.xml").toString());
    }
}
