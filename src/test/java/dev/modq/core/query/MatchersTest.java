package dev.modq.core.query;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: regular expressions in linear time, whole-word lists, author counts in the query language. */
class MatchersTest {

    @Test
    void aHostileRegexOnFiftyThousandAsReturnsAtOnce() {
        Term.Matches term = (Term.Matches) Query.parse("text:/(a+)+$/").terms().get(0);
        String hostile = "a".repeat(50_000) + "!";
        Pattern p = Matchers.compile(term.pattern(), term.ignoreCase());
        // java.util.regex takes exponential time here; RE2/J is linear in the text
        boolean found = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> p.matcher(hostile).find());
        assertFalse(found);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> p.matcher("a".repeat(50_000)).find()));
    }

    @Test
    void regexTermsParseAndPrintBack() {
        assertEquals(new Term.Matches(TextField.TEXT, "casino|viagra", true),
                Query.parse("text:/casino|viagra/i").terms().get(0));
        assertEquals(new Term.Matches(TextField.AUTHOR, "^bot[0-9]+", false), Query.parse("author:/^bot[0-9]+/").terms().get(0));
        assertEquals("text:/a/b/", Query.parse("text:/a/b/").print());
        assertEquals("-url:/casino/i", Query.parse("-url:/casino/i").print());
    }

    @Test
    void aQuotedOrUnclosedSlashValueStaysASubstring() {
        assertEquals(new Term.Contains(TextField.TEXT, "/x/"), Query.parse("text:\"/x/\"").terms().get(0));
        assertEquals("text:\"/x/\"", Query.parse("text:\"/x/\"").print(), "printed quoted, so it stays a substring");
        assertEquals(new Term.Contains(TextField.URL, "/wp-admin"), Query.parse("url:/wp-admin").terms().get(0));
        assertEquals("text:\"@home\"", Query.parse("text:\"@home\"").print());
    }

    @Test
    void aRegexRe2RefusesIsOneLineWithItsColumn() {
        QueryException e = assertThrows(QueryException.class, () -> Query.parse("links:>1 text:/(?<=x)a/"));
        assertTrue(e.getMessage().startsWith("regular expression refused by RE2: "), e.getMessage());
        assertTrue(e.getMessage().contains(" at column 15"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(QueryException.class, () -> Query.parse("text:/(a\\1)/"), "no backreferences");
    }

    @Test
    void wordListsMatchWholeWordsInAnyCase() {
        WordMatcher m = new WordMatcher(List.of("twat", "Free Money", "賭場"));
        assertNull(m.find("My new smartwatch arrived"), "the Lemmy trap: no substring matches");
        assertEquals("twat", m.find("what a TWAT."));
        assertEquals("free money", m.find("get FREE\n money now"));
        assertNull(m.find("free-ish money"));
        assertEquals("賭場", m.find("歡迎來到線上賭場玩"), "scripts without spaces match as substrings");
        assertNull(m.find(null));
    }

    @Test
    void listTermsNameAList() {
        assertEquals(new Term.InList(TextField.TEXT, "banned"), Query.parse("text:@Banned").terms().get(0));
        assertEquals(List.of("banned", "hosts"), Query.parse("text:@banned -url:@hosts text:@banned").listNames());
        QueryException e = assertThrows(QueryException.class, () -> Query.parse("text:@bad!name"));
        assertTrue(e.getMessage().startsWith("bad word-list name 'bad!name' at column 6"), e.getMessage());
    }

    @Test
    void authorCountsParseAndPrint() {
        assertEquals("author.approved:>=1 author.rejected:>2", Query.parse("Author.Approved:>=1 author.rejected:>2").print());
        QueryException e = assertThrows(QueryException.class, () -> Query.parse("author.approved:many"));
        assertTrue(e.getMessage().startsWith("expected a number after 'author.approved:'"), e.getMessage());
    }
}
