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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ImportCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;

    @BeforeEach
    void setUp() {
        modq = new CliHarness(backend, dir);
    }

    @Test
    void wxrBringsThreadsStatusesKindsMetaAndUnicode() {
        CliRun r = modq.run("import", fixture("wxr-1.2.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(wxr): comments 9 new, 0 updated, 0 unchanged, 0 kept because moderated locally,"
                + " 1 skipped; posts 2 new"), r.err());
        String byId = "SELECT c.status, coalesce(c.reason, ''), c.kind, coalesce(par.source_id, '-'), c.author_name"
                + " FROM comments c LEFT JOIN comments par ON par.id = c.parent_id WHERE c.source_system = 'wordpress'"
                + " AND c.source_id = ";
        assertEquals("approved||comment|-|Alice", modq.one(byId + "'101'"));
        assertEquals("approved||comment|101|李雷", modq.one(byId + "'102'"));
        assertEquals("pending||comment|102|Bob", modq.one(byId + "'103'"));
        assertEquals("approved||comment|105|Carol", modq.one(byId + "'104'"), "parent that comes later resolves");
        assertEquals("approved||comment|-|سارة", modq.one(byId + "'105'"));
        assertEquals("rejected|spam|comment|-|Cheap pills", modq.one(byId + "'106'"));
        assertEquals("rejected|trash|comment|-|Troll", modq.one(byId + "'107'"));
        assertEquals("approved||pingback|-|Other Blog", modq.one(byId + "'108'"));
        assertEquals("pending||comment|-|", modq.one(byId + "'110'"));
        assertEquals("<p>Plain &amp; escaped <b>HTML</b></p>", modq.one("SELECT body FROM comments WHERE source_id = '101'"));
        assertEquals("<em>回复</em> to Alice", modq.one("SELECT body FROM comments WHERE source_id = '102'"));
        assertEquals("Third level 😀", modq.one("SELECT body FROM comments WHERE source_id = '103'"));
        assertEquals("2024-01-02T11:00:00Z", modq.utc("SELECT created_at FROM comments WHERE source_id = '101'"), "comment_date_gmt is UTC");
        assertEquals("2024-02-01T08:00:00Z", modq.utc("SELECT created_at FROM comments WHERE source_id = '110'"), "zero GMT date falls back to comment_date");
        assertEquals("akismet_result|false", modq.one("SELECT meta_key, meta_value FROM comment_meta"));
        assertEquals(List.of("10|Hello 世界", "11|"), modq.rows("SELECT source_id, title FROM posts ORDER BY source_id"),
                "the attachment without comments is not a post; the empty title stays empty");
    }

    @Test
    void disqusResolvesDeletedParentsLaterParentsAndFilesOrphans() {
        CliRun r = modq.run("import", "--report", "json", fixture("disqus.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"comments\":{\"new\":6,\"updated\":0,\"unchanged\":0,\"kept_local\":0,\"skipped\":0,\"bad\":0"),
                r.out());
        assertTrue(r.out().contains("\"posts\":{\"new\":2,\"updated\":0},\"orphans\":1"), r.out());
        String byId = "SELECT c.status, coalesce(c.reason, ''), coalesce(par.source_id, '-'), p.title FROM comments c"
                + " JOIN posts p ON p.id = c.post_id LEFT JOIN comments par ON par.id = c.parent_id"
                + " WHERE c.source_system = 'disqus' AND c.source_id = ";
        assertEquals("rejected|deleted|-|Thread one", modq.one(byId + "'501'"));
        assertEquals("approved||501|Thread one", modq.one(byId + "'502'"), "a live reply to a deleted parent");
        assertEquals("rejected|spam|-|", modq.one(byId + "'503'"), "empty thread title stays empty");
        assertEquals("approved||-|(unknown post 9999)", modq.one(byId + "'504'"));
        assertEquals("approved||506|", modq.one(byId + "'505'"));
        assertEquals("dan@example.com|198.51.100.7|Dan", modq.one("SELECT author_email, author_ip, author_name"
                + " FROM comments WHERE source_id = '502'"));
    }

    @Test
    void bloggerWithoutNamespaceDeclarationIsReadLeniently() {
        CliRun r = modq.run("import", fixture("blogger.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(blogger): comments 3 new"), r.err());
        assertEquals(List.of("Nice post! <b>bold</b>|First post|-", "Thanks, glad you liked it|First post|5001",
                        "コメント|Second post|-"),
                modq.rows("SELECT c.body, p.title, coalesce(substr(par.source_id, length(par.source_id) - 3), '-') FROM comments c"
                        + " JOIN posts p ON p.id = c.post_id LEFT JOIN comments par ON par.id = c.parent_id ORDER BY c.id"));
        assertEquals("https://example.blogspot.com/2022/03/first.html|Blog Owner",
                modq.one("SELECT url, author FROM posts WHERE title = 'First post'"));
    }

    @Test
    void jsonLinesAndCsvUseModqColumns() {
        CliRun r = modq.run("import", fixture("comments.jsonl").toString(), fixture("comments.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("myblog|c1|approved||-|<p>first</p>", "myblog|c2|pending||c3|reply to a later comment",
                        "myblog|c3|rejected|spam|-|emoji 🎉 and عربى",
                        "import|k1|approved||-|Line one\nline two, with \"quotes\"", "import|k2|pending||k1|<b>reply</b>"),
                modq.rows("SELECT c.source_system, c.source_id, c.status, coalesce(c.reason, ''),"
                        + " coalesce(par.source_id, '-'), c.body FROM comments c"
                        + " LEFT JOIN comments par ON par.id = c.parent_id ORDER BY c.id"));
        assertEquals("2024-03-01T09:05:00Z", modq.utc("SELECT created_at FROM comments WHERE source_id = 'c2'"));
        assertEquals("client|app", modq.one("SELECT meta_key, meta_value FROM comment_meta"));
        assertEquals(List.of("CSV post, with comma", "JSON post"), modq.rows("SELECT title FROM posts ORDER BY title"));
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        String[] files = {fixture("wxr-1.2.xml").toString(), fixture("disqus.xml").toString(),
                fixture("blogger.xml").toString(), fixture("comments.jsonl").toString()};
        assertEquals(0, modq.run(prepend("import", files)).code());
        String before = modq.fingerprint();
        CliRun again = modq.run(prepend("import", files));
        assertEquals(0, again.code(), again.err());
        assertEquals(before, modq.fingerprint());
        assertTrue(again.err().contains("(wxr): comments 0 new, 0 updated, 9 unchanged"), again.err());
        assertTrue(again.err().contains("(disqus): comments 0 new, 0 updated, 6 unchanged"), again.err());
        assertTrue(again.err().contains("posts 0 new, 0 updated"), again.err());
    }

    @Test
    void aDecisionTakenInModqWinsOverANewerExport() throws Exception {
        assertEquals(0, modq.run("import", fixture("wxr-1.2.xml").toString()).code());
        long alice = Long.parseLong(modq.one("SELECT id FROM comments WHERE source_id = '101'"));
        try (Store store = modq.database.open(OpenMode.EXISTING)) {
            new ModerationService(store, Actors.resolve(store, Actors.osUser(), null), Clock.systemUTC())
                    .decide(Decision.REJECT, List.of(Target.any(alice)), DecideOptions.withReason("abuse"));
        }
        String newer = Files.readString(fixture("wxr-1.2.xml"))
                .replace("Plain &amp;amp; escaped", "Edited on the site")
                .replace("<wp:comment_content>Third level 😀", "<wp:comment_content>Third level, edited");
        Path file = CliHarness.write(dir, "newer.xml", newer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("comments 0 new, 1 updated, 7 unchanged, 1 kept because moderated locally"), r.err());
        assertEquals("rejected|abuse|<p>Plain &amp; escaped <b>HTML</b></p>",
                modq.one("SELECT status, reason, body FROM comments WHERE id = " + alice));
        assertEquals("Third level, edited", modq.one("SELECT body FROM comments WHERE source_id = '103'"));
    }

    @Test
    void dryRunReportsButWritesNothing() {
        String before = modq.fingerprint();
        CliRun r = modq.run("import", "--dry-run", fixture("disqus.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("comments 6 new"), r.err());
        assertTrue(r.err().contains("dry run, nothing was written"), r.err());
        assertEquals(before, modq.fingerprint());
    }

    @Test
    void aNulCharacterIsKeptWhereTheDatabaseHoldsItAndElseReplacedAndReported() throws Exception {
        Path file = CliHarness.write(dir, "nul.jsonl", ("{\"source\":\"s\",\"post_id\":\"p\",\"comment_id\":\"n1\","
                + "\"author_name\":\"A\\u0000B\",\"body\":\"x\\u0000y\",\"created_at\":\"2024-03-01T10:00:00Z\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        String note = "nul.jsonl: note: 2 text field(s) held the NUL character, which PostgreSQL cannot store:"
                + " U+FFFD stands in its place";
        if (modq.database.isSqlite()) {
            assertEquals("A\0B|x\0y", modq.one("SELECT author_name, body FROM comments"));
            assertTrue(!r.err().contains("NUL"), r.err());
        } else {
            assertEquals("A\uFFFDB|x\uFFFDy", modq.one("SELECT author_name, body FROM comments"));
            assertTrue(r.err().contains(note), r.err());
        }
        CliRun again = modq.run("import", file.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("comments 0 new, 0 updated, 1 unchanged"), again.err());
    }

    @Test
    void strayCharactersBeforeTheXmlDeclarationAreSkippedWithANote() throws Exception {
        byte[] wxr = Files.readAllBytes(fixture("wxr-1.2.xml"));
        byte[] withJunk = new byte[wxr.length + 6];
        byte[] junk = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n', 'x'};
        System.arraycopy(junk, 0, withJunk, 0, junk.length);
        System.arraycopy(wxr, 0, withJunk, junk.length, wxr.length);
        Path file = CliHarness.write(dir, "junk.xml", withJunk);
        CliRun r = modq.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: ignored 3 character(s) before the XML declaration"), r.err());
        assertEquals("9", modq.one("SELECT count(*) FROM comments"));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
