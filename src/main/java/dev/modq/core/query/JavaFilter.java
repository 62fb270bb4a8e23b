package dev.modq.core.query;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The terms of a query that SQL cannot match (regular expressions, word lists: {@link Query#isMatchedInJava}),
 * matched in Java against a comment's stored text fields. A backend without modq's SQL functions (PostgreSQL) lets
 * its SQL narrow by the other terms ({@link Query#sqlTerms}) and passes each row it reads through this filter, so a
 * term means exactly what it means on SQLite, where the same matchers run inside SQL (store.sqlite.SqlFunctions):
 * RE2/J's find (linear in the text) and {@link WordMatcher}'s whole words. As there, a missing e-mail or URL is
 * matched as the empty text, a missing name or body never matches, and a negated term is the exact complement.
 */
public final class JavaFilter {

    /** Lets every row through: the query has no regular expression or word list. */
    public static final JavaFilter NONE = new JavaFilter(List.of());

    private record Check(TextField field, boolean negated, Predicate<String> matches) {
    }

    private final List<Check> checks;
    private final Set<TextField> fields;

    private JavaFilter(List<Check> checks) {
        this.checks = List.copyOf(checks);
        Set<TextField> used = EnumSet.noneOf(TextField.class);
        checks.forEach(c -> used.add(c.field()));
        this.fields = Collections.unmodifiableSet(used);
    }

    /**
     * The filter for {@code query}'s regular expressions and word lists (its other terms are ignored here);
     * {@code lists} gives the matcher of each list the query names, as the caller read it for this read.
     */
    public static JavaFilter of(Query query, Function<String, WordMatcher> lists) {
        List<Check> checks = new ArrayList<>();
        for (Term term : query.terms()) {
            if (!Query.isMatchedInJava(term)) {
                continue;
            }
            boolean negated = term instanceof Term.Not;
            Term inner = negated ? ((Term.Not) term).term() : term;
            if (inner instanceof Term.Matches re) {
                Pattern pattern = Matchers.compile(re.pattern(), re.ignoreCase());
                checks.add(new Check(re.field(), negated, text -> text != null && pattern.matcher(text).find()));
            } else if (inner instanceof Term.InList in) {
                WordMatcher words = lists.apply(in.list());
                if (words == null) {
                    throw new IllegalStateException("word list '" + in.list() + "' was not read before the query");
                }
                checks.add(new Check(in.field(), negated, words::matches));
            }
        }
        return checks.isEmpty() ? NONE : new JavaFilter(checks);
    }

    /** Whether this filter lets every row through. */
    public boolean isNone() {
        return checks.isEmpty();
    }

    /** The fields {@link #test} asks for. */
    public Set<TextField> fields() {
        return fields;
    }

    /** Whether a row passes; {@code stored} gives each field's value as stored (null where the row has none). */
    public boolean test(Function<TextField, String> stored) {
        for (Check check : checks) {
            if (check.matches().test(asMatched(check.field(), stored.apply(check.field()))) == check.negated()) {
                return false;
            }
        }
        return true;
    }

    /** As store.sql.QuerySql hands the fields to SQLite's matchers: e-mail and URL coalesced to empty text. */
    private static String asMatched(TextField field, String value) {
        if (value == null && (field == TextField.EMAIL || field == TextField.URL)) {
            return "";
        }
        return value;
    }
}
