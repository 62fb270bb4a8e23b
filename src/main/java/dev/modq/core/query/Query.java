package dev.modq.core.query;

import dev.modq.core.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A filter over comments: terms that must all hold. Shared by the text UI's {@code /} filter and the
 * CLI's {@code --where}; the language is described in docs/query-language.md. Immutable, with value
 * equality over the ordered terms, and {@code parse(print())} gives back an equal query.
 */
public final class Query {

    public static final Query EMPTY = new Query(List.of());

    /**
     * The most terms one filter may have. A term becomes up to ~80 bytes of SQL and SQLite refuses statements
     * over 1,000,000 bytes, so 10,000 keeps well inside that (and is more than a shell passes as one argument).
     */
    public static final int MAX_TERMS = 10_000;

    private final List<Term> terms;

    private Query(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** Parses filter text; blank (or null) text is {@link #EMPTY}. */
    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return of(QueryParser.parse(text));
    }

    public static Query of(List<? extends Term> terms) {
        return terms.isEmpty() ? EMPTY : new Query(List.copyOf(terms));
    }

    public static Query of(Term... terms) {
        return of(List.of(terms));
    }

    /** {@code status:<s>}. */
    public static Query ofStatus(Status status) {
        return of(new Term.StatusIn(EnumSet.of(status)));
    }

    /** The canonical text: terms separated by one space, values quoted only where needed. */
    public String print() {
        return terms.stream().map(Term::print).collect(Collectors.joining(" "));
    }

    public List<Term> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Both queries' terms, this one's first. */
    public Query and(Query other) {
        List<Term> both = new ArrayList<>(terms);
        both.addAll(other.terms);
        return of(both);
    }

    /**
     * The statuses allowed by the non-negated status terms (their intersection when there are several),
     * empty when there is none. Negated status terms are ignored here; {@code status:all} gives all four.
     */
    public Optional<Set<Status>> statuses() {
        Set<Status> allowed = null;
        for (Term term : terms) {
            if (term instanceof Term.StatusIn in) {
                if (allowed == null) {
                    allowed = EnumSet.copyOf(in.statuses());
                } else {
                    allowed.retainAll(in.statuses());
                }
            }
        }
        return Optional.ofNullable(allowed).map(Collections::unmodifiableSet);
    }

    /** This query without any status term, negated or not: for when the UI's view tab supplies the status. */
    public Query withoutStatus() {
        return of(terms.stream().filter(t -> !isStatusTerm(t)).toList());
    }

    /** The word lists the query names ({@code text:@banned}), in order, each once. */
    public List<String> listNames() {
        return terms.stream().map(t -> t instanceof Term.Not not ? not.term() : t)
                .filter(Term.InList.class::isInstance).map(t -> ((Term.InList) t).list()).distinct().toList();
    }

    /** Whether a term needs matching outside SQL's own operators (a regex or a word list). */
    public static boolean isMatchedInJava(Term term) {
        Term inner = term instanceof Term.Not not ? not.term() : term;
        return inner instanceof Term.Matches || inner instanceof Term.InList;
    }

    /** The terms SQL's own operators match (all but regular expressions and word lists), in order. */
    public Query sqlTerms() {
        return of(terms.stream().filter(t -> !isMatchedInJava(t)).toList());
    }

    /** Whether any term is a regular expression or a word list (negated or not). */
    public boolean hasJavaTerms() {
        return terms.stream().anyMatch(Query::isMatchedInJava);
    }

    private static boolean isStatusTerm(Term term) {
        return term instanceof Term.StatusIn || (term instanceof Term.Not not && not.term() instanceof Term.StatusIn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Query other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return print();
    }
}
