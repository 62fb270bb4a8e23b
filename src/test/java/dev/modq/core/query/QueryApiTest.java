package dev.modq.core.query;

import dev.modq.core.Status;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Query value type: equality, composition and the status helpers the UI uses. */
class QueryApiTest {

    @Test
    void valueEquality() {
        assertEquals(Query.parse("author:bob  links:>2"), Query.parse("AUTHOR:\"bob\" links:>2"));
        assertEquals(Query.parse("author:bob").hashCode(), Query.parse("author:\"bob\"").hashCode());
        assertNotEquals(Query.parse("author:bob links:>2"), Query.parse("links:>2 author:bob"));
    }

    @Test
    void andConcatenates() {
        Query q = Query.parse("author:bob").and(Query.parse("-spam"));
        assertEquals(Query.parse("author:bob -spam"), q);
        assertEquals(q, q.and(Query.EMPTY));
        assertEquals(q, Query.EMPTY.and(q));
    }

    @Test
    void ofStatus() {
        assertEquals(Query.parse("status:flagged"), Query.ofStatus(Status.FLAGGED));
        assertEquals("status:flagged", Query.ofStatus(Status.FLAGGED).print());
    }

    @Test
    void statusesIntersectsNonNegatedTerms() {
        assertEquals(Optional.empty(), Query.parse("author:bob -status:rejected").statuses());
        assertEquals(Optional.of(Set.of(Status.PENDING, Status.FLAGGED)),
                Query.parse("status:pending,flagged author:bob").statuses());
        assertEquals(Optional.of(Set.of(Status.FLAGGED)),
                Query.parse("status:pending,flagged status:flagged,approved").statuses());
        assertEquals(Optional.of(Set.of()), Query.parse("status:pending status:approved").statuses());
        assertEquals(Optional.of(EnumSet.allOf(Status.class)), Query.parse("status:all").statuses());
    }

    @Test
    void withoutStatusDropsNegatedOnesToo() {
        Query q = Query.parse("status:pending author:bob -status:rejected links:>1");
        assertEquals(Query.parse("author:bob links:>1"), q.withoutStatus());
        assertEquals(Query.EMPTY, Query.ofStatus(Status.PENDING).withoutStatus());
    }

    @Test
    void termsCannotHoldWhatCouldNotBePrintedAndParsedBack() {
        assertThrows(IllegalArgumentException.class, () -> new Term.Contains(TextField.AUTHOR, ""));
        assertThrows(IllegalArgumentException.class, () -> new Term.Not(new Term.Not(new Term.ParentAny())));
        assertThrows(IllegalArgumentException.class, () -> new Term.IpIn("10.0.0.0/40"));
        assertThrows(IllegalArgumentException.class, () -> new Term.Age(Comparison.EQ, 5));
        assertThrows(IllegalArgumentException.class, () -> new Term.StatusIn(Set.of()));
        assertThrows(UnsupportedOperationException.class, () -> Query.parse("a b").terms().clear());
    }
}
