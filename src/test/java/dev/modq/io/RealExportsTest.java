package dev.modq.io;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports written by WordPress and Disqus themselves (see src/test/resources/real/README.md). */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class RealExportsTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;

    @BeforeEach
    void setUp() {
        modq = new CliHarness(backend, dir);
    }

    static String real(String name) {
        try {
            return Path.of(RealExportsTest.class.getResource("/real/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWordPressExportWhoseRssStartsAfterTheFirstKilobyteIsRecognised() throws Exception {
        String file = real("wordpress-importer-note-comments.xml");
        assertTrue(Files.readString(Path.of(file)).indexOf("<rss") > 1024, "the header block is over 1 KB");
        CliRun r = modq.run("import", file);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(wxr): comments 1 new, 0 updated, 0 unchanged, 0 kept because moderated locally,"
                + " 2 skipped; posts 1 new"), r.err());
        assertEquals("approved|admin|Comment on post Page with notes and comments|Page with notes and comments",
                modq.one("SELECT c.status, c.author_name, c.body, p.title FROM comments c JOIN posts p ON p.id = c.post_id"));
    }

    @Test
    void wordPressCommentMetaWithSerializedValues() {
        CliRun r = modq.run("import", real("wordpress-importer-serialized-comment-meta.xml"));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("array|a:1:{s:3:\"key\";s:13:\"¯\\_(ツ)_/¯\";}", "string|¯\\_(ツ)_/¯"),
                modq.rows("SELECT meta_key, meta_value FROM comment_meta ORDER BY meta_key"));
        assertEquals("A WordPress Commenter|https://wordpress.org/|null",
                modq.one("SELECT author_name, author_url, author_ip FROM comments"));
        assertEquals("2020-01-05T12:50:15Z", modq.utc("SELECT created_at FROM comments"));
    }

    @Test
    void aDisqusPostWithoutIdIsSkippedAndListedTheRestImported() {
        CliRun r = modq.run("import", real("remark42-disqus2-trimmed.xml"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("remark42-disqus2-trimmed.xml:102:11: <post> has no dsq:id attribute"), r.err());
        assertTrue(r.err().contains("ignored 1 character(s) before the XML declaration"), r.err());
        assertEquals(List.of("299619020|approved|Alexander Blah", "299744309|approved|mikhail",
                        "299986072|approved|No Username", "299986073|rejected|Spam Noname"),
                modq.rows("SELECT source_id, status, author_name FROM comments ORDER BY source_id"));
        assertFailsStrictly(real("remark42-disqus2-trimmed.xml"));
    }

    @Test
    void aGoogleTakeoutBloggerFeedWithPostsAndComments() {
        CliRun r = modq.run("import", real("blogger-takeout-2018.atom"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(blogger): comments 2 new"), r.err());
        assertEquals("Nach Suzhou|/2011/10/nach-suzhou.html|Bernd",
                modq.one("SELECT title, url, author FROM posts"));
        assertEquals(List.of("Anna|approved||Schöne Bilder &amp; Grüße|Nach Suzhou",
                        "cheap pills|rejected|spam|buy now|Nach Suzhou"),
                modq.rows("SELECT c.author_name, c.status, coalesce(c.reason, ''), c.body, p.title FROM comments c"
                        + " JOIN posts p ON p.id = c.post_id ORDER BY c.source_id"));
    }

    private void assertFailsStrictly(String file) {
        CliHarness fresh = new CliHarness(backend, dir.resolve("strict"));
        CliRun r = fresh.run("import", "--strict", file);
        assertEquals(1, r.code(), r.err());
        assertEquals("0", fresh.one("SELECT count(*) FROM comments"));
    }
}
