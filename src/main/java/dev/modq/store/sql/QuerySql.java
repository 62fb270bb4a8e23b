package dev.modq.store.sql;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.query.Term;
import dev.modq.core.query.TextField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Translates a {@link Query} into a WHERE fragment over {@code comments c}; it never refers to posts by alias, so callers may join posts or not.
 * User values only ever travel as parameters. Every term's SQL is true or false, never NULL (nullable
 * columns are coalesced), so {@code NOT (...)} is the exact complement: {@code -email:x} keeps comments
 * without an e-mail. CIDR terms call {@code modq_ip_in(ip, cidr)}: registered on every SQLite connection
 * (store.sqlite.SqlFunctions), defined by the schema on PostgreSQL. Both dialects get the same SQL but for the few
 * spellings {@link Dialect} names.
 */
public final class QuerySql {

    /** The SQL dialects a query is written for; they differ only in the spellings below. */
    public enum Dialect {
        SQLITE("1", "instr", "IS"),
        POSTGRESQL("TRUE", "strpos", "IS NOT DISTINCT FROM");

        private final String alwaysTrue;
        private final String position;
        private final String nullSafeEquals;

        Dialect(String alwaysTrue, String position, String nullSafeEquals) {
            this.alwaysTrue = alwaysTrue;
            this.position = position;
            this.nullSafeEquals = nullSafeEquals;
        }
    }

    /** Number of "://" in the body: how much shorter it gets when they are removed, over three. */
    private static final String LINK_COUNT = "((length(c.body) - length(replace(c.body, '://', ''))) / 3)";

    private QuerySql() {
    }

    /** {@code "1"} for the empty query. {@code now} is taken to whole seconds for {@code age:} terms. */
    public static SqlFragment where(Query query, Instant now) {
        return where(query, now, Dialect.SQLITE);
    }

    /** The same for {@code dialect}. */
    public static SqlFragment where(Query query, Instant now, Dialect dialect) {
        if (query.isEmpty()) {
            return new SqlFragment(dialect.alwaysTrue, List.of());
        }
        List<SqlFragment> parts = new ArrayList<>(query.terms().size());
        // SQL's own conditions first: SQLite evaluates AND left to right and stops at the first false one, so the
        // regular expressions and word lists (Java functions) run only on the rows the rest let through.
        for (Term term : query.terms()) {
            if (!Query.isMatchedInJava(term)) {
                parts.add(term(term, now.getEpochSecond(), dialect));
            }
        }
        for (Term term : query.terms()) {
            if (Query.isMatchedInJava(term)) {
                parts.add(term(term, now.getEpochSecond(), dialect));
            }
        }
        return allOf(parts, 0, parts.size());
    }

    /**
     * {@code parts[from..to)} AND-ed as a balanced tree: SQLite refuses expressions nested more than 1,000 deep,
     * and a flat {@code a AND b AND c ...} nests one level per term, so a 1,000-term filter (a blocklist of
     * authors) would fail; balanced, 5,000 terms nest about 13 levels.
     */
    private static SqlFragment allOf(List<SqlFragment> parts, int from, int to) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int middle = (from + to) >>> 1;
        SqlFragment left = allOf(parts, from, middle);
        SqlFragment right = allOf(parts, middle, to);
        List<Object> params = new ArrayList<>(left.params());
        params.addAll(right.params());
        return new SqlFragment("(" + left.sql() + ") AND (" + right.sql() + ")", params);
    }

    private static SqlFragment term(Term term, long nowSeconds, Dialect dialect) {
        if (term instanceof Term.Not not) {
            SqlFragment inner = term(not.term(), nowSeconds, dialect);
            return new SqlFragment("NOT (" + inner.sql() + ")", inner.params());
        } else if (term instanceof Term.StatusIn in) {
            return statusIn(in, dialect);
        } else if (term instanceof Term.PostId post) {
            return sql("c.post_id = ?", post.id());
        } else if (term instanceof Term.Contains contains && contains.field() == TextField.POST_TITLE) {
            // a sub-select, not the join: counts then need no posts lookup per comment
            return sql("c.post_id IN (SELECT id FROM posts WHERE " + dialect.position + "(lower(title), lower(?)) > 0)", contains.value());
        } else if (term instanceof Term.Contains contains) {
            return sql(dialect.position + "(lower(" + textColumn(contains) + "), lower(?)) > 0", contains.value());
        } else if (term instanceof Term.IpIs ip) {
            return sql("lower(coalesce(c.author_ip, '')) = lower(?)", ip.address());
        } else if (term instanceof Term.IpPrefix ip) {
            return sql("substr(lower(coalesce(c.author_ip, '')), 1, ?) = lower(?)", ip.prefix().length(), ip.prefix());
        } else if (term instanceof Term.IpIn ip) {
            return sql("modq_ip_in(c.author_ip, ?) = 1", ip.cidr());
        } else if (term instanceof Term.Links links) {
            return sql(LINK_COUNT + " " + links.op().symbol() + " ?", links.count());
        } else if (term instanceof Term.Age age) {
            return age(age, nowSeconds);
        } else if (term instanceof Term.After after) {
            return sql("c.created_at >= ?", ceilSeconds(after.instant()));
        } else if (term instanceof Term.Before before) {
            return sql("c.created_at < ?", ceilSeconds(before.instant()));
        } else if (term instanceof Term.Id id) {
            return sql("c.id " + id.op().symbol() + " ?", id.id());
        } else if (term instanceof Term.Kind kind) {
            return sql("c.kind = ?", kind.kind().label());
        } else if (term instanceof Term.Reason reason) {
            return sql("lower(coalesce(c.reason, '')) = ?", reason.reason().toLowerCase(Locale.ROOT));
        } else if (term instanceof Term.Source source) {
            return sql("c.source_system = ?", source.source());
        } else if (term instanceof Term.ParentNone) {
            return sql("c.parent_id IS NULL");
        } else if (term instanceof Term.ParentAny) {
            return sql("c.parent_id IS NOT NULL");
        } else if (term instanceof Term.Score score) {
            return sql("(c.score >= 0 AND c.score " + score.op().symbol() + " ?)", score.value());
        } else if (term instanceof Term.ScoreNone) {
            return sql("c.score < 0");
        } else if (term instanceof Term.ParentId parent) {
            // null-safe, so never NULL
            return sql("c.parent_id " + dialect.nullSafeEquals + " ?", parent.id());
        } else if (term instanceof Term.AuthorCount count) {
            return authorCount(count);
        } else if (term instanceof Term.Matches re) {
            return sql("modq_re(" + column(re.field()) + ", ?, ?) = 1", re.pattern(), re.ignoreCase() ? 1 : 0);
        } else if (term instanceof Term.InList in) {
            return sql("modq_words(" + column(in.field()) + ", ?) = 1", in.list());
        }
        throw new IllegalStateException("no SQL for term " + term);
    }

    /** {@code c.status IN (?, ...)} so SQLite can use comments_by_status_created; all four need no condition. */
    private static SqlFragment statusIn(Term.StatusIn in, Dialect dialect) {
        if (in.isAll()) {
            return sql(dialect.alwaysTrue);
        }
        List<Object> labels = Arrays.stream(Status.values()).filter(in.statuses()::contains)
                .map(Status::label).map(Object.class::cast).toList();
        String marks = String.join(", ", Collections.nCopies(labels.size(), "?"));
        return new SqlFragment("c.status IN (" + marks + ")", labels);
    }

    private static String textColumn(Term.Contains contains) {
        return column(contains.field());
    }

    /**
     * The author's other comments with a status, counted through the (author, status) indexes and never past
     * {@code count + 1}: a comparison with {@code count} has the same answer, and a prolific author costs no more.
     */
    private static SqlFragment authorCount(Term.AuthorCount term) {
        String bounded = "(SELECT count(*) FROM (SELECT 1 FROM comments a WHERE a.%s = c.%s AND a.status = ?"
                + " AND a.id <> c.id LIMIT ?) AS n)";
        String sql = "(CASE WHEN coalesce(c.author_email, '') <> '' THEN " + bounded.formatted("author_email", "author_email")
                + " ELSE " + bounded.formatted("author_name", "author_name") + " END) " + term.op().symbol() + " ?";
        String status = term.status().label();
        return sql(sql, status, term.count() + 1, status, term.count() + 1, term.count());
    }

    private static String column(TextField field) {
        return switch (field) {
            case AUTHOR -> "c.author_name";
            case EMAIL -> "coalesce(c.author_email, '')";
            case URL -> "coalesce(c.author_url, '')";
            case TEXT -> "c.body";
            case POST_TITLE -> throw new IllegalStateException("post titles are matched by sub-select");
        };
    }

    /** Age below X means created after now - X, so the comparison flips onto created_at. */
    private static SqlFragment age(Term.Age age, long nowSeconds) {
        String op = switch (age.op()) {
            case LT -> ">";
            case LE -> ">=";
            case GT -> "<";
            case GE -> "<=";
            case EQ -> throw new IllegalStateException("age terms have no '='");
        };
        return sql("c.created_at " + op + " ?", nowSeconds - age.seconds());
    }

    /** created_at is whole seconds: {@code >= t} and {@code < t} for a fractional t equal those at ceil(t). */
    private static long ceilSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static SqlFragment sql(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }
}
