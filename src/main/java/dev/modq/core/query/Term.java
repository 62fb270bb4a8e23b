package dev.modq.core.query;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One condition of a {@link Query}. Every term prints itself in canonical form, and the constructors
 * refuse values that could not be printed and parsed back (empty strings, bad CIDR blocks, ...), so any
 * term that exists round-trips.
 */
public sealed interface Term {

    /** The canonical text of this term; {@code Query.parse} of it gives an equal term. */
    String print();

    /** {@code -term}: the complement of a (non-negated) term. */
    record Not(Term term) implements Term {
        public Not {
            Objects.requireNonNull(term, "term");
            if (term instanceof Not) {
                throw new IllegalArgumentException("a term is negated at most once");
            }
        }

        @Override
        public String print() {
            return "-" + term.print();
        }
    }

    /** {@code status:pending,flagged}; all four statuses print as {@code status:all}. */
    record StatusIn(Set<Status> statuses) implements Term {
        public StatusIn {
            if (statuses.isEmpty()) {
                throw new IllegalArgumentException("status term needs at least one status");
            }
            statuses = Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        }

        public boolean isAll() {
            return statuses.size() == Status.values().length;
        }

        @Override
        public String print() {
            if (isAll()) {
                return "status:all";
            }
            return "status:" + Arrays.stream(Status.values()).filter(statuses::contains)
                    .map(Status::label).collect(Collectors.joining(","));
        }
    }

    /** {@code post:42}: comments under one post. */
    record PostId(long id) implements Term {
        public PostId {
            requireNonNegative(id);
        }

        @Override
        public String print() {
            return "post:" + id;
        }
    }

    /** {@code author:bob}, {@code text:"free money"}, {@code post:"title words"}: case-insensitive substring. */
    record Contains(TextField field, String value) implements Term {
        public Contains {
            Objects.requireNonNull(field, "field");
            requireNonEmpty(value);
        }

        @Override
        public String print() {
            // An unquoted all-digit post value means a post id, so a digit-only title must be quoted.
            // ... and a value that reads as a regular expression or a word list must be quoted to stay a substring.
            boolean forceQuotes = (field == TextField.POST_TITLE && Values.isAllDigits(value))
                    || (field != TextField.POST_TITLE && Matchers.looksSpecial(value));
            return field.key() + ":" + (forceQuotes ? Values.quote(value) : Values.print(value));
        }
    }

    /**
     * {@code ip:10.0.0.7}: the author IP exactly as stored. Text ending in ':' (such as {@code 2001:db8::})
     * is always read as an {@link IpPrefix}, so it cannot be an exact address.
     */
    record IpIs(String address) implements Term {
        public IpIs {
            if (IpAddresses.parse(address) == null || address.endsWith(":")) {
                throw new IllegalArgumentException("not an IP address (or one ending in ':'): " + address);
            }
        }

        @Override
        public String print() {
            return "ip:" + address;
        }
    }

    /** {@code ip:10.0.0.0/8}: the author IP lies in a CIDR block (IPv4 or IPv6). */
    record IpIn(String cidr) implements Term {
        public IpIn {
            IpAddresses.requireCidr(cidr);
        }

        @Override
        public String print() {
            return "ip:" + cidr;
        }
    }

    /** {@code ip:10.0.}: the author IP starts with this text (which ends with '.' or ':'). */
    record IpPrefix(String prefix) implements Term {
        public IpPrefix {
            if (!IpAddresses.isPrefix(prefix)) {
                throw new IllegalArgumentException("not an IP prefix ending in '.' or ':': " + prefix);
            }
        }

        @Override
        public String print() {
            return "ip:" + prefix;
        }
    }

    /** {@code links:>2}: the number of "://" in the raw body. */
    record Links(Comparison op, long count) implements Term {
        public Links {
            Objects.requireNonNull(op, "op");
            requireNonNegative(count);
        }

        @Override
        public String print() {
            return "links:" + op.printed() + count;
        }
    }

    /** {@code age:<2d}: how long ago the comment was created, compared with a duration in seconds. */
    record Age(Comparison op, long seconds) implements Term {
        public Age {
            Objects.requireNonNull(op, "op");
            if (op == Comparison.EQ) {
                throw new IllegalArgumentException("age needs <, <=, > or >=");
            }
            requireNonNegative(seconds);
        }

        @Override
        public String print() {
            return "age:" + op.symbol() + Durations.print(seconds);
        }
    }

    /** {@code after:2026-01-31}: created at or after this instant (inclusive). */
    record After(Instant instant) implements Term {
        public After {
            Instants.requireInRange(instant);
        }

        @Override
        public String print() {
            return "after:" + Instants.print(instant);
        }
    }

    /** {@code before:2026-02-01T10:00:00Z}: created strictly before this instant. */
    record Before(Instant instant) implements Term {
        public Before {
            Instants.requireInRange(instant);
        }

        @Override
        public String print() {
            return "before:" + Instants.print(instant);
        }
    }

    /** {@code id:123}, {@code id:>1000}: the comment id. */
    record Id(Comparison op, long id) implements Term {
        public Id {
            Objects.requireNonNull(op, "op");
            requireNonNegative(id);
        }

        @Override
        public String print() {
            return "id:" + op.printed() + id;
        }
    }

    /** {@code kind:pingback}. */
    record Kind(CommentKind kind) implements Term {
        public Kind {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String print() {
            return "kind:" + kind.label();
        }
    }

    /** {@code reason:spam}: the reason of the last decision, exact but case-insensitive. */
    record Reason(String reason) implements Term {
        public Reason {
            requireNonEmpty(reason);
        }

        @Override
        public String print() {
            return "reason:" + Values.print(reason);
        }
    }

    /** {@code source:wordpress}: the system the comment was imported from, exact. */
    record Source(String source) implements Term {
        public Source {
            requireNonEmpty(source);
        }

        @Override
        public String print() {
            return "source:" + Values.print(source);
        }
    }

    /** {@code parent:none}: top-level comments. */
    record ParentNone() implements Term {
        @Override
        public String print() {
            return "parent:none";
        }
    }

    /** {@code parent:any}: replies. */
    record ParentAny() implements Term {
        @Override
        public String print() {
            return "parent:any";
        }
    }

    /** {@code parent:123}: replies to one comment. */
    record ParentId(long id) implements Term {
        public ParentId {
            requireNonNegative(id);
        }

        @Override
        public String print() {
            return "parent:" + id;
        }
    }

    /**
     * {@code score:>90}: the stored spam score (0..100) compared with a number. Unscored comments (new, or the
     * model is not ready) match no score term, so {@code -score:>90} keeps them.
     */
    record Score(Comparison op, int value) implements Term {
        public Score {
            Objects.requireNonNull(op, "op");
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("score must be 0..100: " + value);
            }
        }

        @Override
        public String print() {
            return "score:" + op.printed() + value;
        }
    }

    /** {@code score:none}: comments without a stored score yet. */
    record ScoreNone() implements Term {
        @Override
        public String print() {
            return "score:none";
        }
    }

    /**
     * {@code author.approved:>=1}, {@code author.rejected:>2}: how many of the author's other comments (same e-mail,
     * else same name, as in the author history) have that status.
     */
    record AuthorCount(Status status, Comparison op, long count) implements Term {
        public AuthorCount {
            if (status != Status.APPROVED && status != Status.REJECTED) {
                throw new IllegalArgumentException("author counts are of approved or rejected comments");
            }
            Objects.requireNonNull(op, "op");
            requireNonNegative(count);
        }

        @Override
        public String print() {
            return "author." + status.label() + ":" + op.printed() + count;
        }
    }

    /**
     * {@code text:/casino|viagra/i}: a regular expression found anywhere in the field, in RE2 syntax (linear time,
     * whatever the text: no backtracking). {@code i} makes it case-insensitive. Refused if RE2 refuses it.
     */
    record Matches(TextField field, String pattern, boolean ignoreCase) implements Term {
        public Matches {
            Matchers.requireMatchField(field);
            Matchers.requirePrintablePattern(pattern);
            Matchers.compile(pattern, ignoreCase);  // throws with RE2's reason
        }

        @Override
        public String print() {
            return field.key() + ":/" + pattern + "/" + (ignoreCase ? "i" : "");
        }
    }

    /** {@code text:@banned}: the field contains a word (or phrase) of the named list, whole words, any case. */
    record InList(TextField field, String list) implements Term {
        public InList {
            Matchers.requireMatchField(field);
            list = Matchers.requireListName(list);
        }

        @Override
        public String print() {
            return field.key() + ":@" + list;
        }
    }

    private static void requireNonNegative(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("must not be negative: " + n);
        }
    }

    private static void requireNonEmpty(String s) {
        if (Objects.requireNonNull(s, "value").isEmpty()) {
            throw new IllegalArgumentException("value must not be empty");
        }
    }
}
