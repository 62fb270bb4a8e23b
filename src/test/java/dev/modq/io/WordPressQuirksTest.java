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
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What genuine WordPress exports do that hand-made files do not. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class WordPressQuirksTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;
    String genuine;

    @BeforeEach
    void setUp() throws Exception {
        modq = new CliHarness(backend, dir);
        genuine = Files.readString(Path.of(RealExportsTest.real("wordpress-importer-note-comments.xml")));
    }

    private Path variant(String name, String from, String to) throws Exception {
        assertTrue(genuine.contains(from), from);
        return CliHarness.write(dir, name, genuine.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBareAmpersandInAnAuthorUrlIsReadAsTextAndReported() throws Exception {
        Path file = variant("amp.xml", "<wp:comment_author_url>http://127.0.0.1:34717</wp:comment_author_url>\n"
                + "\t\t\t<wp:comment_author_IP><![CDATA[127.0.0.1]]></wp:comment_author_IP>\n"
                + "\t\t\t<wp:comment_date><![CDATA[2026-03-24 10:38:26]]>",
                "<wp:comment_author_url>http://blog.example/?a=1&b=2&amp;c=3</wp:comment_author_url>\n"
                + "\t\t\t<wp:comment_author_IP><![CDATA[127.0.0.1]]></wp:comment_author_IP>\n"
                + "\t\t\t<wp:comment_date><![CDATA[2026-03-24 10:38:26]]>");
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("http://blog.example/?a=1&b=2&c=3", modq.one("SELECT author_url FROM comments WHERE source_id = '4'"));
        assertTrue(r.err().contains("note: 1 bare '&' (not starting an entity such as &amp;) read as text, the first at"
                + " line 102:51"), r.err());
    }

    @Test
    void anItemWithoutPostIdIsSkippedWithItsCommentsAndListed() throws Exception {
        Path file = variant("noid.xml", "\t\t<wp:post_id>10</wp:post_id>\n", "");
        CliRun r = modq.run("import", file.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("noid.xml:41:9: item"), r.err());
        assertTrue(r.err().contains("item \"Page with notes and comments\" has no wp:post_id (it and its comments are"
                + " skipped)"), r.err());
        assertEquals("0|0", modq.one("SELECT (SELECT count(*) FROM posts) || '|' || (SELECT count(*) FROM comments)"));
        assertEquals(1, modq.run("import", "--strict", file.toString()).code());
    }

    @Test
    void ampersandsInsideCdataAreLeftAlone() throws Exception {
        Path file = variant("cdata.xml", "<![CDATA[Comment on post Page with notes and comments]]>",
                "<![CDATA[Fish & chips &amp; <b>more</b>]]>");
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Fish & chips &amp; <b>more</b>", modq.one("SELECT body FROM comments"));
        assertTrue(!r.err().contains("bare '&'"), r.err());
    }

    @Test
    void htmlEscapedTitlesAndAuthorNamesAreDecodedOnce() throws Exception {
        Path file = CliHarness.write(dir, "escaped.xml", genuine
                .replace("<title><![CDATA[Page with notes and comments]]></title>", "<title>Tom &amp;amp; Jerry</title>")
                .replace("<wp:comment_author><![CDATA[admin]]></wp:comment_author>\n"
                        + "\t\t\t<wp:comment_author_email><![CDATA[admin@localhost.com]]></wp:comment_author_email>\n"
                        + "\t\t\t<wp:comment_author_url>http://127.0.0.1:34717</wp:comment_author_url>\n"
                        + "\t\t\t<wp:comment_author_IP><![CDATA[127.0.0.1]]></wp:comment_author_IP>\n"
                        + "\t\t\t<wp:comment_date><![CDATA[2026-03-24 10:38:26]]>",
                        "<wp:comment_author><![CDATA[Anna &amp; Wen]]></wp:comment_author>\n"
                        + "\t\t\t<wp:comment_author_email><![CDATA[admin@localhost.com]]></wp:comment_author_email>\n"
                        + "\t\t\t<wp:comment_author_url>http://127.0.0.1:34717</wp:comment_author_url>\n"
                        + "\t\t\t<wp:comment_author_IP><![CDATA[127.0.0.1]]></wp:comment_author_IP>\n"
                        + "\t\t\t<wp:comment_date><![CDATA[2026-03-24 10:38:26]]>")
                .getBytes(StandardCharsets.UTF_8));
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Anna & Wen|Tom & Jerry", modq.one("SELECT c.author_name, p.title FROM comments c"
                + " JOIN posts p ON p.id = c.post_id"));
    }

    @Test
    void theReportSaysHowManyCommentsTheExportCannotTellAbout() throws Exception {
        assertEquals(0, modq.run("import", RealExportsTest.real("wordpress-importer-note-comments.xml")).code());
        Path fewer = variant("fewer.xml", "<wp:comment_id>4</wp:comment_id>", "<wp:comment_id>5</wp:comment_id>");
        CliRun r = modq.run("import", fewer.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: 1 WordPress comment(s) in modq are not in this export, which cannot tell"
                + " their state (WordPress never exports spam"), r.err());
    }
}
