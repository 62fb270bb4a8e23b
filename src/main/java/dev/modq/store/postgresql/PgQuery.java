package dev.modq.store.postgresql;

import dev.modq.core.query.JavaFilter;
import dev.modq.core.query.Query;
import dev.modq.core.query.TextField;
import dev.modq.core.query.WordMatcher;
import dev.modq.store.UnknownWordListException;
import dev.modq.store.sql.SqlFragment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A query as PostgreSQL runs it. PostgreSQL has no modq_re / modq_words (and its own regular expressions differ
 * from RE2's in syntax and worst case), so the SQL narrows by every other term ({@link Query#sqlTerms}), each
 * statement also selects the text fields the regular expressions and word lists look at, and {@link #test} passes
 * the rows through {@link JavaFilter}: the same matchers SQLite runs inside its SQL. The word lists are read on the
 * connection of the read or write that runs the query (in its snapshot), so a rule sees a list as it is then.
 */
final class PgQuery {

    private final Query query;
    private final JavaFilter filter;
    private final List<TextField> fields;

    private PgQuery(Query query, JavaFilter filter) {
        this.query = query;
        this.filter = filter;
        this.fields = List.copyOf(filter.fields());
    }

    /** Reads the word lists {@code query} names on {@code conn}; an unknown one is {@link UnknownWordListException}. */
    static PgQuery of(Connection conn, Query query) throws SQLException {
        return of(conn, query, new HashMap<>());
    }

    /** The same, keeping the lists read in {@code lists} (one write transaction reads each list once). */
    static PgQuery of(Connection conn, Query query, Map<String, WordMatcher> lists) throws SQLException {
        for (String list : query.listNames()) {
            if (!lists.containsKey(list)) {
                List<String> words = dev.modq.store.jdbc.WordListSql.words(conn, list).orElseThrow(() -> new UnknownWordListException(list));
                lists.put(list, new WordMatcher(words));
            }
        }
        return new PgQuery(query, JavaFilter.of(query, lists::get));
    }

    /** Whether every row the SQL finds is a match (no regular expression or word list). */
    boolean allInSql() {
        return filter.isNone();
    }

    /** The WHERE fragment over {@code comments c} for the terms SQL matches. */
    SqlFragment where(Instant now) {
        return PgQuerySql.where(query.sqlTerms(), now);
    }

    /** The query without its regular expressions and word lists, for the SQL of a keyset page. */
    Query sqlQuery() {
        return query.sqlTerms();
    }

    /** {@code ", c.body AS modq_f_text, ..."}: the fields {@link #test} reads, to append to a SELECT list. */
    String columns() {
        return fields.stream().map(f -> ", " + column(f) + " AS " + label(f)).collect(Collectors.joining());
    }

    /** Whether the current row of {@code rs} (selected with {@link #columns}) matches the Java-matched terms. */
    boolean test(ResultSet rs) throws SQLException {
        if (filter.isNone()) {
            return true;
        }
        Map<TextField, String> values = new HashMap<>(4);
        for (TextField f : fields) {
            values.put(f, rs.getString(label(f)));
        }
        return filter.test(values::get);
    }

    private static String label(TextField field) {
        return "modq_f_" + field.key();
    }

    private static String column(TextField field) {
        return switch (field) {
            case AUTHOR -> "c.author_name";
            case EMAIL -> "c.author_email";
            case URL -> "c.author_url";
            case TEXT -> "c.body";
            case POST_TITLE -> throw new IllegalStateException("post titles are never matched in Java");
        };
    }
}
