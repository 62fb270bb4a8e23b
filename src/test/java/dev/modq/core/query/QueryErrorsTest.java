package dev.modq.core.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad inputs: each mistake has its own message and points at the right place. */
class QueryErrorsTest {

    private static QueryException error(String text) {
        return assertThrows(QueryException.class, () -> Query.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "athor:bob|0|unknown key 'athor' at column 1: expected one of status, post, author, email, url, text, ip, links, age, after, before, id, kind, reason, source, parent, score, author.approved, author.rejected",
            "status:pending -athor:bob|16|unknown key 'athor' at column 17: expected one of status, post, author, email, url, text, ip, links, age, after, before, id, kind, reason, source, parent, score, author.approved, author.rejected",
            "links:>x|7|expected a number after 'links:>' at column 8",
            "links:|6|expected a value after 'links:' at column 7",
            "links:>|7|expected a number after 'links:>' at column 8",
            "links:2x|7|unexpected 'x' after the number at column 8",
            "id:>=-1|5|expected a number after 'id:>=' at column 6",
            "id:99999999999999999999|3|number too large at column 4",
            "author:|7|expected a value after 'author:' at column 8",
            "`author:\"\"`|7|expected a value after 'author:' at column 8",
            "`author:\"bob`|7|unterminated quote at column 8: add a closing '\"'",
            "`\"free money`|0|unterminated quote at column 1: add a closing '\"'",
            "`text:\"a\\`|5|unterminated quote at column 6: add a closing '\"'",
            "`text:\"a\\nb\"`|7|unknown escape '\\n' at column 8: inside quotes only \\\" and \\\\ are escapes",
            "`text:\"a\"b`|8|expected a space after the closing quote at column 9",
            "`author:bo\"b\"`|9|unexpected '\"' inside a value at column 10: quote the whole value, e.g. author:\"Bob \\\"B\\\" Smith\"",
            "`fo\"o\"`|2|unexpected '\"' inside a word at column 3: quote the whole value, e.g. \"free money\"",
            "`\"\"`|0|empty quoted text at column 1: put something between the quotes",
            "status:pendng|7|unknown status 'pendng' at column 8: expected one of pending, approved, rejected, flagged, all",
            "status:pending,,flagged|15|empty status name at column 16: expected one of pending, approved, rejected, flagged, all",
            "status:pending,|15|empty status name at column 16: expected one of pending, approved, rejected, flagged, all",
            "age:2d|4|expected '<', '<=', '>' or '>=' after 'age:' at column 5: e.g. age:<2d for newer than two days",
            "age:<2y|6|unknown unit 'y' at column 7: use a number and a unit s, m, h, d or w, e.g. 2d, 90m, 1d12h",
            "age:<2|6|missing unit after '2' at column 7: use a number and a unit s, m, h, d or w, e.g. 2d, 90m, 1d12h",
            "age:<|5|expected a duration after 'age:<' at column 6: use a number and a unit s, m, h, d or w, e.g. 2d, 90m, 1d12h",
            "age:<1dh|7|expected a number in the duration after 'age:<' at column 8: use a number and a unit s, m, h, d or w, e.g. 2d, 90m, 1d12h",
            "age:<99999999999999w|5|duration too long at column 6",
            "ip:10.0.0.0/33|3|bad CIDR block '10.0.0.0/33' at column 4: prefix length must be a number from 0 to 32",
            "ip:2001:db8::/129|3|bad CIDR block '2001:db8::/129' at column 4: prefix length must be a number from 0 to 128",
            "ip:10.0.0/8|3|bad CIDR block '10.0.0/8' at column 4: '10.0.0' is not an IPv4 or IPv6 address",
            "ip:example.com|3|bad IP address 'example.com' at column 4: expected an IPv4 or IPv6 address, a CIDR block like 10.0.0.0/8, or a prefix ending in '.' or ':'",
            "ip:10.x.|3|bad IP prefix '10.x.' at column 4: use only digits, hex digits, '.' and ':'",
            "after:2026-13-01|6|bad date '2026-13-01' after 'after:' at column 7: expected a date like 2026-01-31, an instant like 2026-02-01T10:00:00Z (UTC) or a duration ago like 2d",
            "before:yesterday|7|bad date 'yesterday' after 'before:' at column 8: expected a date like 2026-01-31, an instant like 2026-02-01T10:00:00Z (UTC) or a duration ago like 2d",
            "kind:ping|5|unknown kind 'ping' at column 6: expected comment, pingback or trackback",
            "parent:some|7|expected none, any or a comment id after 'parent:' at column 8",
            "-|0|expected a term after '-' at column 1: write -key:value or -word",
            "a - b|2|expected a term after '-' at column 3: write -key:value or -word",
            "--spam|1|unexpected second '-' at column 2: a term is negated at most once",
            ":foo|0|expected a key before ':' at column 1: write key:value, or quote text that starts with ':'",
    })
    void badInput(String text, int position, String message) {
        QueryException e = error(text);
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void positionsInsideQuotedValuesCountEscapes() {
        // age:"<1\\d": the value is <1\d, and its bad unit (the escaped backslash) sits at input index 8, not 7.
        QueryException e = error("age:\"<1\\\\d\"");
        assertEquals(8, e.position());
        assertEquals("unknown unit '\\' at column 9: " + Durations.HINT, e.getMessage());
        QueryException quoted = error("links:\"\\\\x\"");
        assertEquals(8, quoted.position());  // the second backslash of the escape: where the value's '\\' came from
    }

    @Test
    void messagesStayOnOneLine() {
        QueryException e = error("kind:\"a\nb\"");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown kind 'a?b'"), e.getMessage());
    }

    @Test
    void moreTermsThanTheLimitIsOneClearError() {
        String atLimit = "id:>1 ".repeat(Query.MAX_TERMS);
        assertEquals(Query.MAX_TERMS, Query.parse(atLimit).terms().size());
        QueryException e = error(atLimit + "author:bob");
        assertEquals(atLimit.length(), e.position());
        assertEquals("too many terms: at most 10000 at column " + (atLimit.length() + 1)
                + ": split the work into several runs, or narrow it with fewer, broader terms", e.getMessage());
    }

    @Test
    void isAnIllegalArgumentException() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(QueryException.class));
    }
}
