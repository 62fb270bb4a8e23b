package dev.modq.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the input into terms: {@code [-]key:value}, {@code [-]word} or {@code [-]"quoted text"}.
 * What a value means is up to {@link TermParser}; this class only knows about quotes and positions.
 */
final class QueryParser {

    private final String in;
    private int i;

    private QueryParser(String in) {
        this.in = in;
    }

    static List<Term> parse(String text) {
        return new QueryParser(text).terms();
    }

    private List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        while (true) {
            while (!atEnd() && Values.isSeparator(peek())) {
                i++;
            }
            if (atEnd()) {
                return terms;
            }
            if (terms.size() == Query.MAX_TERMS) {
                throw QueryException.at(i, "too many terms: at most " + Query.MAX_TERMS,
                        "split the work into several runs, or narrow it with fewer, broader terms");
            }
            terms.add(term());
        }
    }

    private Term term() {
        if (peek() != '-') {
            return positiveTerm();
        }
        int minus = i++;
        if (atEnd() || Values.isSeparator(peek())) {
            throw QueryException.at(minus, "expected a term after '-'", "write -key:value or -word");
        }
        if (peek() == '-') {
            throw QueryException.at(i, "unexpected second '-'", "a term is negated at most once");
        }
        return new Term.Not(positiveTerm());
    }

    private Term positiveTerm() {
        if (peek() == '"') {
            return TermParser.text(quoted());
        }
        int start = i;
        while (!atEnd() && !Values.isSeparator(peek()) && peek() != ':' && peek() != '"') {
            i++;
        }
        if (!atEnd() && peek() == '"') {
            throw QueryException.at(i, "unexpected '\"' inside a word", "quote the whole value, e.g. \"free money\"");
        }
        if (atEnd() || peek() != ':') {
            return TermParser.text(Value.plain(in.substring(start, i), start));
        }
        String name = in.substring(start, i);
        if (name.isEmpty()) {
            throw QueryException.at(start, "expected a key before ':'", "write key:value, or quote text that starts with ':'");
        }
        Key key = Key.of(name);
        if (key == null) {
            throw QueryException.at(start, "unknown key '" + Values.show(name) + "'", "expected one of " + Key.ALL);
        }
        i++;  // the ':'
        Value value = !atEnd() && peek() == '"' ? quoted() : unquoted();
        if (value.text().isEmpty()) {
            throw QueryException.at(value.start(), "expected a value after '" + key.label() + ":'", null);
        }
        return TermParser.term(key, value);
    }

    private Value unquoted() {
        int start = i;
        while (!atEnd() && !Values.isSeparator(peek())) {
            if (peek() == '"') {
                throw QueryException.at(i, "unexpected '\"' inside a value", "quote the whole value, e.g. author:\"Bob \\\"B\\\" Smith\"");
            }
            i++;
        }
        return Value.plain(in.substring(start, i), start);
    }

    /** A double-quoted string with \" and \\ escapes; it must be followed by whitespace or the end. */
    private Value quoted() {
        int open = i++;
        StringBuilder text = new StringBuilder();
        List<Integer> sources = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                throw QueryException.at(open, "unterminated quote", "add a closing '\"'");
            }
            char c = peek();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= in.length()) {
                    throw QueryException.at(open, "unterminated quote", "add a closing '\"'");
                }
                char escaped = in.charAt(i + 1);
                if (escaped != '"' && escaped != '\\') {
                    throw QueryException.at(i, "unknown escape '\\" + Values.show(String.valueOf(escaped)) + "'",
                            "inside quotes only \\\" and \\\\ are escapes");
                }
                i++;
                c = escaped;
            }
            text.append(c);
            sources.add(i++);
        }
        int close = i++;
        if (!atEnd() && !Values.isSeparator(peek())) {
            throw QueryException.at(i, "expected a space after the closing quote", null);
        }
        // An empty quoted value points at its opening quote, not at the closing one.
        int end = sources.isEmpty() ? open : close;
        return new Value(text.toString(), true, sources.stream().mapToInt(Integer::intValue).toArray(), end);
    }

    private boolean atEnd() {
        return i >= in.length();
    }

    private char peek() {
        return in.charAt(i);
    }
}
