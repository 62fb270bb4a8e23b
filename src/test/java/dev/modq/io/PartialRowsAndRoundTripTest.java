package dev.modq.io;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A field a row leaves out means "unknown", never "empty"; modq's own exports import back losslessly. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class PartialRowsAndRoundTripTest {

    @Parameter
    TestStores.Backend backend;

    /** Every column of posts, comments and meta, keyed by source ids (row ids and versions differ between dbs). */
    private static final String POSTS = "SELECT source_system, source_id, title, url, author, published_at FROM posts"
            + " ORDER BY source_system, source_id";
    private static final String COMMENTS = "SELECT c.source_system, c.source_id, p.source_id, par.source_id,"
            + " c.author_name, c.author_email, c.author_url, c.author_ip, c.user_agent, c.body, c.kind, c.created_at,"
            + " c.status, c.reason FROM comments c JOIN posts p ON p.id = c.post_id"
            + " LEFT JOIN comments par ON par.id = c.parent_id ORDER BY c.source_system, c.source_id";
    private static final String META = "SELECT c.source_system, c.source_id, m.meta_key, m.meta_value FROM comment_meta m"
            + " JOIN comments c ON c.id = m.comment_id ORDER BY 1, 2, 3";

    @TempDir
    Path dir;
    CliHarness modq;

    @BeforeEach
    void importRealishData() {
        modq = new CliHarness(backend, dir.resolve("a"));
        CliRun r = modq.run("import", fixture("wxr-1.2.xml").toString(), fixture("disqus.xml").toString(),
                fixture("comments.jsonl").toString(), RealExportsTest.real("wordpress-importer-serialized-comment-meta.xml"));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aJsonLineWithoutPostFieldsKeepsThePost() throws Exception {
        List<String> before = modq.rows(POSTS);
        Path partial = CliHarness.write(dir, "partial.jsonl", "{\"source\":\"wordpress\",\"post_id\":\"10\",\"comment_id\":\"101\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        CliRun r = modq.run("import", partial.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(before, modq.rows(POSTS), "title, url, author and date of post 10 are kept");
    }

    @Test
    void aJsonLineWithoutAuthorBodyAndStatusKeepsAnUndecidedApprovedComment() throws Exception {
        List<String> before = modq.rows(COMMENTS);
        Path partial = CliHarness.write(dir, "partial.jsonl", "{\"source\":\"wordpress\",\"post_id\":\"10\",\"comment_id\":\"101\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        CliRun r = modq.run("import", "--report", "json", partial.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(before, modq.rows(COMMENTS));
        assertEquals("approved|Alice", modq.one("SELECT status, author_name FROM comments WHERE source_id = '101'"));
        assertEquals(true, r.out().contains("\"unchanged\":1"), r.out());
    }

    @Test
    void aPartialRowChangesOnlyWhatItGives() throws Exception {
        Path partial = CliHarness.write(dir, "partial.csv", ("source,post_id,comment_id,body\n"
                + "wordpress,10,101,edited at the source\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, modq.run("import", partial.toString()).code());
        assertEquals("approved|Alice|edited at the source",
                modq.one("SELECT status, author_name, body FROM comments WHERE source_id = '101'"));
    }

    @Test
    void anUndatedRowForAKnownCommentStillUpdatesItsPost() throws Exception {
        Path partial = CliHarness.write(dir, "title.jsonl", ("{\"source\":\"wordpress\",\"post_id\":\"10\","
                + "\"post_title\":\"Renamed\",\"comment_id\":\"101\"}\n").getBytes(StandardCharsets.UTF_8));
        CliRun r = modq.run("import", partial.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Renamed", modq.one("SELECT title FROM posts WHERE source_system = 'wordpress' AND source_id = '10'"));
    }

    @Test
    void jsonLinesExportImportsBackLosslesslyIntoAFreshDatabaseAndChangesNothingInItsOwn() {
        roundTrip("jsonl");
    }

    @Test
    void csvExportImportsBackLosslessly() {
        roundTrip("csv");
    }

    private void roundTrip(String format) {
        CliRun export = modq.run("export", "--format", format);
        assertEquals(0, export.code(), export.err());
        Path file;
        try {
            file = CliHarness.write(dir, "export." + format, export.out().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String fingerprint = modq.fingerprint();
        CliRun again = modq.run("import", file.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(fingerprint, modq.fingerprint(), "re-importing its own export changes nothing: " + again.err());

        CliHarness fresh = new CliHarness(backend, dir.resolve("b"));
        CliRun into = fresh.run("import", file.toString());
        assertEquals(0, into.code(), into.err());
        assertEquals(modq.rows(POSTS), fresh.rows(POSTS));
        assertEquals(modq.rows(COMMENTS), fresh.rows(COMMENTS));
        assertEquals(modq.rows(META), fresh.rows(META));
    }
}
