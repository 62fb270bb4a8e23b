package dev.modq.core.query;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regular expressions and word lists of a query matched in Java, as SQLite's SQL functions match them. */
class JavaFilterTest {

    private static final WordMatcher BANNED = new WordMatcher(List.of("twat", "free money"));

    private static JavaFilter filter(String query) {
        return JavaFilter.of(Query.parse(query), name -> name.equals("banned") ? BANNED : null);
    }

    private static Map<TextField, String> row(String author, String email, String body) {
        Map<TextField, String> row = new EnumMap<>(TextField.class);
        row.put(TextField.AUTHOR, author);
        row.put(TextField.EMAIL, email);
        row.put(TextField.TEXT, body);
        return row;
    }

    @Test
    void sqlTermsAreLeftToSqlAndOnlyTheirFieldsAreAskedFor() {
        JavaFilter f = filter("status:all links:>2 author:bob text:/casino/i -email:@banned");
        assertEquals(Set.of(TextField.TEXT, TextField.EMAIL), f.fields());
        assertTrue(filter("status:all links:>2 author:bob").isNone());
        assertEquals(Query.parse("status:all links:>2 author:bob"),
                Query.parse("status:all links:>2 text:/x/ author:bob -text:@banned").sqlTerms());
    }

    @Test
    void aRegexIsFoundAnywhereAndItsNegationIsTheExactComplement() {
        Map<TextField, String> spam = row("bob", null, "Best CASINO in town");
        Map<TextField, String> ham = row("bob", null, "Nice harbour");
        assertTrue(filter("text:/casino/i").test(spam::get));
        assertFalse(filter("text:/casino/").test(spam::get), "case matters without /i");
        assertFalse(filter("text:/casino/i").test(ham::get));
        assertFalse(filter("-text:/casino/i").test(spam::get));
        assertTrue(filter("-text:/casino/i").test(ham::get));
    }

    @Test
    void aMissingEmailIsTheEmptyTextButAMissingBodyNeverMatches() {
        Map<TextField, String> noEmail = row("bob", null, null);
        assertTrue(filter("email:/^$/").test(noEmail::get), "as SQLite's coalesce(author_email, '')");
        assertFalse(filter("text:/^$/").test(noEmail::get));
        assertTrue(filter("-text:/^$/").test(noEmail::get));
    }

    @Test
    void listsMatchWholeWordsAndAllTermsMustHold() {
        assertFalse(filter("text:@banned").test(row("a", null, "my smartwatch")::get));
        assertTrue(filter("text:@banned").test(row("a", null, "you TWAT!")::get));
        assertTrue(filter("text:@banned").test(row("a", null, "get FREE, money now")::get));
        assertFalse(filter("text:@banned author:/^b/").test(row("a", null, "you twat")::get));
        assertTrue(filter("text:@banned author:/^b/").test(row("bo", null, "you twat")::get));
    }

    @Test
    void aListNotReadBeforehandIsAnError() {
        assertThrows(IllegalStateException.class, () -> filter("text:@other"));
    }
}
