package dev.modq.core.query;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Good inputs: what each key parses to, and how it prints back. */
class QueryParseTest {

    private static Term only(String text) {
        List<Term> terms = Query.parse(text).terms();
        assertEquals(1, terms.size(), () -> "terms of " + text + ": " + terms);
        return terms.get(0);
    }

    @Test
    void blankIsEmpty() {
        assertSame(Query.EMPTY, Query.parse(""));
        assertSame(Query.EMPTY, Query.parse(" \t\n "));
        assertSame(Query.EMPTY, Query.parse(null));
        assertTrue(Query.EMPTY.isEmpty());
        assertEquals("", Query.EMPTY.print());
    }

    @Test
    void status() {
        assertEquals(new Term.StatusIn(EnumSet.of(Status.PENDING)), only("status:pending"));
        assertEquals(new Term.StatusIn(EnumSet.of(Status.PENDING, Status.FLAGGED)), only("STATUS:Flagged,pending"));
        assertEquals(new Term.StatusIn(EnumSet.allOf(Status.class)), only("status:all"));
        assertEquals(new Term.StatusIn(EnumSet.of(Status.APPROVED, Status.REJECTED)),
                only("status:\"rejected, approved\""));
        assertEquals("status:pending,flagged", Query.parse("status:flagged,pending,flagged").print());
        assertEquals("status:all", Query.parse("status:pending,all").print());
    }

    @Test
    void post() {
        assertEquals(new Term.PostId(42), only("post:42"));
        assertEquals(new Term.Contains(TextField.POST_TITLE, "hello"), only("post:hello"));
        assertEquals(new Term.Contains(TextField.POST_TITLE, "some title words"), only("post:\"some title words\""));
        // Quoted digits are a title search, and print quoted so they stay one.
        assertEquals(new Term.Contains(TextField.POST_TITLE, "2026"), only("post:\"2026\""));
        assertEquals("post:\"2026\"", Query.parse("post:\"2026\"").print());
    }

    @Test
    void textFields() {
        assertEquals(new Term.Contains(TextField.AUTHOR, "bob"), only("author:bob"));
        assertEquals(new Term.Contains(TextField.EMAIL, "example.com"), only("Email:example.com"));
        assertEquals(new Term.Contains(TextField.URL, "https://casino.example/?a=b"), only("url:https://casino.example/?a=b"));
        assertEquals(new Term.Contains(TextField.TEXT, "free money"), only("text:\"free money\""));
        assertEquals(new Term.Contains(TextField.AUTHOR, "Łukasz 中文"), only("author:\"Łukasz 中文\""));
        assertEquals(new Term.Contains(TextField.AUTHOR, "100%_sure"), only("author:100%_sure"));
    }

    @Test
    void bareWordsAndBareQuotesSearchTheBody() {
        assertEquals(new Term.Contains(TextField.TEXT, "viagra"), only("viagra"));
        assertEquals(new Term.Contains(TextField.TEXT, "free money"), only("\"free money\""));
        assertEquals("text:viagra text:\"free money\"", Query.parse("viagra  \"free money\"").print());
        assertEquals(new Term.Contains(TextField.TEXT, "a-b"), only("a-b"));
    }

    @Test
    void escapesInsideQuotes() {
        assertEquals(new Term.Contains(TextField.AUTHOR, "Bob \"B\" \\ Smith"), only("author:\"Bob \\\"B\\\" \\\\ Smith\""));
        assertEquals("author:\"Bob \\\"B\\\" \\\\ Smith\"", Query.parse("author:\"Bob \\\"B\\\" \\\\ Smith\"").print());
        // Outside quotes a backslash is just a character.
        assertEquals(new Term.Contains(TextField.AUTHOR, "a\\b"), only("author:a\\b"));
    }

    @Test
    void negation() {
        assertEquals(new Term.Not(new Term.Contains(TextField.AUTHOR, "bob")), only("-author:bob"));
        assertEquals(new Term.Not(new Term.Contains(TextField.TEXT, "spam")), only("-spam"));
        assertEquals(new Term.Not(new Term.Contains(TextField.TEXT, "free money")), only("-\"free money\""));
        assertEquals("-status:rejected -text:spam", Query.parse("-status:rejected -spam").print());
    }

    @Test
    void ip() {
        assertEquals(new Term.IpIs("10.0.0.7"), only("ip:10.0.0.7"));
        assertEquals(new Term.IpIs("2001:db8::1"), only("ip:2001:db8::1"));
        assertEquals(new Term.IpIn("10.0.0.0/8"), only("ip:10.0.0.0/8"));
        assertEquals(new Term.IpIn("2001:db8::/32"), only("ip:2001:db8::/32"));
        assertEquals(new Term.IpIn("::ffff:10.0.0.0/104"), only("ip:::ffff:10.0.0.0/104"));
        assertEquals(new Term.IpPrefix("10.0."), only("ip:10.0."));
        assertEquals(new Term.IpPrefix("2001:db8:"), only("ip:2001:db8:"));
    }

    @ParameterizedTest
    @CsvSource({
            "links:>2, GT, 2, links:>2",
            "links:>=3, GE, 3, links:>=3",
            "links:<1, LT, 1, links:<1",
            "links:0, EQ, 0, links:0",
            "links:=2, EQ, 2, links:2",
            "links:<=4, LE, 4, links:<=4",
    })
    void links(String text, Comparison op, long count, String printed) {
        assertEquals(new Term.Links(op, count), only(text));
        assertEquals(printed, Query.parse(text).print());
    }

    @ParameterizedTest
    @CsvSource({
            "age:<2d, LT, 172800, age:<2d",
            "age:>1w, GT, 604800, age:>1w",
            "age:<=90m, LE, 5400, age:<=1h30m",
            "age:>=1d12h, GE, 129600, age:>=1d12h",
            "age:<36h, LT, 129600, age:<1d12h",
            "age:<30s, LT, 30, age:<30s",
            "age:>0s, GT, 0, age:>0s",
    })
    void age(String text, Comparison op, long seconds, String printed) {
        assertEquals(new Term.Age(op, seconds), only(text));
        assertEquals(printed, Query.parse(text).print());
    }

    @Test
    void afterAndBefore() {
        assertEquals(new Term.After(Instant.parse("2026-01-31T00:00:00Z")), only("after:2026-01-31"));
        assertEquals(new Term.Before(Instant.parse("2026-02-01T10:00:00Z")), only("before:2026-02-01T10:00:00Z"));
        assertEquals(new Term.Before(Instant.parse("2026-02-01T08:00:00Z")), only("before:2026-02-01T10:00:00+02:00"));
        assertEquals("after:2026-01-31 before:2026-02-01T10:00:00Z",
                Query.parse("after:2026-01-31T00:00:00Z before:2026-02-01T10:00:00Z").print());
    }

    @Test
    void idKindReasonSourceParent() {
        assertEquals(new Term.Id(Comparison.EQ, 123), only("id:123"));
        assertEquals(new Term.Id(Comparison.GT, 1000), only("id:>1000"));
        assertEquals(new Term.Kind(CommentKind.PINGBACK), only("kind:Pingback"));
        assertEquals(new Term.Reason("spam"), only("reason:spam"));
        assertEquals(new Term.Source("wordpress"), only("source:wordpress"));
        assertEquals(new Term.ParentNone(), only("parent:none"));
        assertEquals(new Term.ParentAny(), only("parent:ANY"));
        assertEquals(new Term.ParentId(123), only("parent:123"));
    }

    @Test
    void severalTermsAreAndedInOrder() {
        Query q = Query.parse("status:pending  author:bob\tlinks:>2 -ip:10.0.0.0/8");
        assertEquals(List.of(
                new Term.StatusIn(EnumSet.of(Status.PENDING)),
                new Term.Contains(TextField.AUTHOR, "bob"),
                new Term.Links(Comparison.GT, 2),
                new Term.Not(new Term.IpIn("10.0.0.0/8"))), q.terms());
        assertEquals("status:pending author:bob links:>2 -ip:10.0.0.0/8", q.print());
        assertEquals(q.print(), q.toString());
    }

    @Test
    void valuesNeedingQuotesArePrintedQuoted() {
        Query q = Query.of(new Term.Contains(TextField.AUTHOR, "a b"), new Term.Reason("x\"y"),
                new Term.Source("tab\there"), new Term.Contains(TextField.TEXT, "nbsp\u00a0here"));
        assertEquals("author:\"a b\" reason:\"x\\\"y\" source:\"tab\there\" text:\"nbsp\u00a0here\"", q.print());
        assertEquals(q, Query.parse(q.print()));
    }
}
