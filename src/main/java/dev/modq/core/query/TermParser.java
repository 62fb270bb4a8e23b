package dev.modq.core.query;

import dev.modq.core.CommentKind;
import dev.modq.core.Status;

import java.util.EnumSet;
import java.util.Set;

/** Turns one key and its (unquoted) value into a {@link Term}, validating the value. */
final class TermParser {

    private static final String STATUS_HINT = "expected one of " + Status.allLabels() + ", all";
    private static final String IP_HINT =
            "expected an IPv4 or IPv6 address, a CIDR block like 10.0.0.0/8, or a prefix ending in '.' or ':'";

    private TermParser() {
    }

    /** A bare word or bare quoted string: a body search. */
    static Term text(Value value) {
        if (value.text().isEmpty()) {
            throw QueryException.at(value.start(), "empty quoted text", "put something between the quotes");
        }
        return new Term.Contains(TextField.TEXT, value.text());
    }

    static Term term(Key key, Value value) {
        return switch (key) {
            case STATUS -> new Term.StatusIn(statuses(value));
            case POST -> !value.quoted() && Values.isAllDigits(value.text())
                    ? new Term.PostId(number(value, 0, "post:"))
                    : new Term.Contains(TextField.POST_TITLE, value.text());
            case AUTHOR -> Matchers.textTerm(TextField.AUTHOR, value);
            case EMAIL -> Matchers.textTerm(TextField.EMAIL, value);
            case URL -> Matchers.textTerm(TextField.URL, value);
            case TEXT -> Matchers.textTerm(TextField.TEXT, value);
            case IP -> ip(value);
            case LINKS -> {
                int after = operatorLength(value);
                yield new Term.Links(operator(value), number(value, after, "links:" + value.text().substring(0, after)));
            }
            case ID -> {
                int after = operatorLength(value);
                yield new Term.Id(operator(value), number(value, after, "id:" + value.text().substring(0, after)));
            }
            case AGE -> age(value);
            case AFTER -> Times.parse(value, "after").since();
            case BEFORE -> Times.parse(value, "before").until();
            case KIND -> new Term.Kind(kind(value));
            case REASON -> new Term.Reason(value.text());
            case SOURCE -> new Term.Source(value.text());
            case PARENT -> parent(value);
            case SCORE -> score(value);
            case AUTHOR_APPROVED -> authorCount(key, dev.modq.core.Status.APPROVED, value);
            case AUTHOR_REJECTED -> authorCount(key, dev.modq.core.Status.REJECTED, value);
        };
    }

    private static Term authorCount(Key key, Status status, Value value) {
        int after = operatorLength(value);
        return new Term.AuthorCount(status, operator(value),
                number(value, after, key.label() + ":" + value.text().substring(0, after)));
    }

    /** Comma list; 'all' anywhere means every status. Blanks around names are allowed inside quotes. */
    private static Set<Status> statuses(Value value) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        int from = 0;
        String text = value.text();
        while (from <= text.length()) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 ? text.length() : comma;
            String name = text.substring(from, to).strip();
            if (name.isEmpty()) {
                throw QueryException.at(value.pos(from), "empty status name", STATUS_HINT);
            }
            if (name.equalsIgnoreCase("all")) {
                statuses.addAll(EnumSet.allOf(Status.class));
            } else {
                statuses.add(status(name, value.pos(from)));
            }
            from = to + 1;
        }
        return statuses;
    }

    private static Status status(String name, int position) {
        for (Status s : Status.values()) {
            if (s.label().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw QueryException.at(position, "unknown status '" + Values.show(name) + "'", STATUS_HINT);
    }

    private static Term ip(Value value) {
        String text = value.text();
        if (text.indexOf('/') >= 0) {
            String problem = IpAddresses.cidrProblem(text);
            if (problem != null) {
                throw QueryException.at(value.start(), "bad CIDR block '" + Values.show(text) + "'", problem);
            }
            return new Term.IpIn(text);
        }
        if (text.endsWith(".") || text.endsWith(":")) {
            if (!IpAddresses.isPrefix(text)) {
                throw QueryException.at(value.start(), "bad IP prefix '" + Values.show(text) + "'",
                        "use only digits, hex digits, '.' and ':'");
            }
            return new Term.IpPrefix(text);
        }
        if (IpAddresses.parse(text) == null) {
            throw QueryException.at(value.start(), "bad IP address '" + Values.show(text) + "'", IP_HINT);
        }
        return new Term.IpIs(text);
    }

    private static Term age(Value value) {
        int after = operatorLength(value);
        Comparison op = operator(value);
        if (op == Comparison.EQ) {
            throw QueryException.at(value.start(), "expected '<', '<=', '>' or '>=' after 'age:'",
                    "e.g. age:<2d for newer than two days");
        }
        return new Term.Age(op, Durations.parse(value, after, "age:" + op.symbol()));
    }

    private static CommentKind kind(Value value) {
        for (CommentKind k : CommentKind.values()) {
            if (k.label().equalsIgnoreCase(value.text())) {
                return k;
            }
        }
        throw QueryException.at(value.start(), "unknown kind '" + Values.show(value.text()) + "'",
                "expected comment, pingback or trackback");
    }

    private static Term parent(Value value) {
        String text = value.text();
        if (text.equalsIgnoreCase("none")) {
            return new Term.ParentNone();
        }
        if (text.equalsIgnoreCase("any")) {
            return new Term.ParentAny();
        }
        if (Values.isAllDigits(text)) {
            return new Term.ParentId(number(value, 0, "parent:"));
        }
        throw QueryException.at(value.start(), "expected none, any or a comment id after 'parent:'", null);
    }

    /** {@code score:>90}, {@code score:<=20}, {@code score:50}: the stored spam score 0..100; {@code score:none}: unscored. */
    private static Term score(Value value) {
        if (value.text().equalsIgnoreCase("none")) {
            return new Term.ScoreNone();
        }
        int after = operatorLength(value);
        long n = number(value, after, "score:" + value.text().substring(0, after));
        if (n > 100) {
            throw QueryException.at(value.pos(after), "score " + n + " is out of range", "scores run from 0 to 100");
        }
        return new Term.Score(operator(value), (int) n);
    }

    /** Length of a leading {@code <, <=, >, >=, =} (0 when there is none). */
    private static int operatorLength(Value value) {
        String text = value.text();
        if (text.startsWith("<=") || text.startsWith(">=")) {
            return 2;
        }
        return text.startsWith("<") || text.startsWith(">") || text.startsWith("=") ? 1 : 0;
    }

    private static Comparison operator(Value value) {
        String symbol = value.text().substring(0, operatorLength(value));
        for (Comparison c : Comparison.values()) {
            if (c.symbol().equals(symbol)) {
                return c;
            }
        }
        return Comparison.EQ;  // no operator at all
    }

    /** A non-negative whole number from {@code from} to the end of the value. */
    private static long number(Value value, int from, String after) {
        String text = value.text();
        if (from == text.length() || !Values.isDigit(text.charAt(from))) {
            throw QueryException.at(value.pos(from), "expected a number after '" + Values.show(after) + "'", null);
        }
        for (int i = from; i < text.length(); i++) {
            if (!Values.isDigit(text.charAt(i))) {
                throw QueryException.at(value.pos(i),
                        "unexpected '" + Values.show(text.substring(i, i + 1)) + "' after the number", null);
            }
        }
        try {
            return Long.parseLong(text.substring(from));
        } catch (NumberFormatException tooLarge) {
            throw QueryException.at(value.pos(from), "number too large", null);
        }
    }
}
