package dev.modq.core.query;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** print and parse are inverse: on generated syntax trees, and on whatever text happens to parse. */
class QueryRoundTripTest {

    @Property(tries = 2000)
    void printedQueriesParseBackEqual(@ForAll("queries") Query query) {
        assertEquals(query, Query.parse(query.print()), query::print);
    }

    @Property(tries = 3000)
    void anyTextEitherFailsCleanlyOrRoundTrips(@ForAll("texts") String text) {
        Query parsed;
        try {
            parsed = Query.parse(text);
        } catch (QueryException expected) {
            Statistics.collect("rejected");
            return;  // anything else escaping fails the property
        }
        Statistics.collect(parsed.isEmpty() ? "empty" : "parsed");
        assertEquals(parsed, Query.parse(parsed.print()), parsed::print);
    }

    @Provide
    Arbitrary<Query> queries() {
        return term().list().ofMaxSize(6).map(Query::of);
    }

    /** Random text biased towards the language's own pieces so that much of it does parse. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("status:", "post:", "author:", "ip:", "links:", "age:",
                        "after:", "before:", "id:", "kind:", "reason:", "parent:", "score:", "text:", "-", "\"", "\\", " ", ",",
                        ":", "<", ">=", "=", "/", ".", "::", "2d", "1h30m", "10.0.0.0/8", "2001:db8::/32", "pending",
                        "all", "none", "2026-01-31", "T10:00:00Z", "42", "\u00a0", "\t", "Ł", "中")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)));
        return pieces.list().ofMaxSize(10).map(list -> String.join("", list));
    }

    private static Arbitrary<Term> term() {
        Arbitrary<Term> positive = positiveTerm();
        return Arbitraries.frequencyOf(
                Tuple.of(4, positive),
                Tuple.of(1, positive.map(Term.Not::new)));
    }

    private static Arbitrary<Term> positiveTerm() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> friendlyText = Arbitraries.strings().withCharRange('a', 'z').withChars(" \"\\%_-:0123456789")
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> text = Arbitraries.oneOf(anyText, friendlyText);
        Arbitrary<Long> number = Arbitraries.oneOf(Arbitraries.longs().between(0, 1000),
                Arbitraries.longs().greaterOrEqual(0));
        Arbitrary<Comparison> op = Arbitraries.of(Comparison.class);
        Arbitrary<Comparison> ageOp = op.filter(c -> c != Comparison.EQ);
        Arbitrary<Instant> instant = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 4_102_444_800L).map(s -> Instant.ofEpochSecond(s - s % 86_400)),
                Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L).map(Instant::ofEpochSecond),
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli));
        return Arbitraries.oneOf(
                Arbitraries.subsetOf(Status.values()).ofMinSize(1).map(s -> new Term.StatusIn(new HashSet<>(s))),
                number.map(Term.PostId::new),
                Combinators.combine(Arbitraries.of(TextField.class), text).as(Term.Contains::new),
                Arbitraries.longs().between(0, 99_999).map(n -> new Term.Contains(TextField.POST_TITLE, Long.toString(n))),
                ipv4().map(Term.IpIs::new),
                ipv6().filter(a -> !a.endsWith(":")).map(Term.IpIs::new),
                Combinators.combine(ipv4(), Arbitraries.integers().between(0, 32)).as((a, n) -> new Term.IpIn(a + "/" + n)),
                Combinators.combine(ipv6(), Arbitraries.integers().between(0, 128)).as((a, n) -> new Term.IpIn(a + "/" + n)),
                Arbitraries.of("10.", "10.0.", "192.168.1.", "2001:db8:", "fe80::", "::ffff:").map(Term.IpPrefix::new),
                Combinators.combine(op, number).as(Term.Links::new),
                Combinators.combine(ageOp, number).as(Term.Age::new),
                instant.map(Term.After::new),
                instant.map(Term.Before::new),
                Combinators.combine(op, number).as(Term.Id::new),
                Arbitraries.of(CommentKind.class).map(Term.Kind::new),
                text.map(Term.Reason::new),
                text.map(Term.Source::new),
                Arbitraries.just(new Term.ParentNone()),
                Arbitraries.just(new Term.ParentAny()),
                number.map(Term.ParentId::new),
                Combinators.combine(op, Arbitraries.integers().between(0, 100)).as(Term.Score::new),
                Arbitraries.just(new Term.ScoreNone()),
                Combinators.combine(Arbitraries.of(Status.APPROVED, Status.REJECTED), op, number).as(Term.AuthorCount::new),
                Combinators.combine(matchField(), regex(), Arbitraries.of(true, false)).as(Term.Matches::new),
                Combinators.combine(matchField(), Arbitraries.strings().withChars("abcXYZ09_-").ofMinLength(1)
                        .ofMaxLength(12)).as(Term.InList::new),
                Combinators.combine(matchField(), Arbitraries.of("/x/", "/x/i", "@list", "/a b/", "@")).as(Term.Contains::new));
    }

    private static Arbitrary<TextField> matchField() {
        return Arbitraries.of(TextField.AUTHOR, TextField.EMAIL, TextField.URL, TextField.TEXT);
    }

    /** Patterns RE2 accepts, from characters that stress the delimiters. */
    private static Arbitrary<String> regex() {
        return Arbitraries.strings().withChars("ab|.*+?()[]/\\^$i").ofMinLength(1).ofMaxLength(8).filter(p -> {
            try {
                Matchers.compile(p, false);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    private static Arbitrary<String> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(parts -> parts.get(0) + "." + parts.get(1) + "." + parts.get(2) + "." + parts.get(3));
    }

    private static Arbitrary<String> ipv6() {
        Arbitrary<String> full = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(groups -> String.join(":", groups.stream().map(Integer::toHexString).toList()));
        return Arbitraries.oneOf(full, Arbitraries.of("::", "::1", "2001:db8::", "fe80::1:2", "::ffff:10.0.0.1"));
    }
}
