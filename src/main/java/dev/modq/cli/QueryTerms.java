package dev.modq.cli;

import dev.modq.core.query.Query;

import java.util.regex.Pattern;

/**
 * Filter options become terms of the query language, so an option and the same {@code --where} term can
 * never mean different things: there is one filter path.
 */
final class QueryTerms {

    private static final Pattern COLUMN = Pattern.compile(" at column \\d+");

    private QueryTerms() {
    }

    /** {@code key:"value"}, quoted and escaped the way the query language reads it back. */
    static Query quoted(String option, String key, String value) {
        return parse(option, key + ":" + quote(requireText(option, value)));
    }

    /** {@code key:value} for values that are operators and numbers ({@code links:>2}). */
    static Query bare(String option, String key, String value) {
        requireText(option, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException(option + ": '" + value + "' must not contain spaces");
        }
        return parse(option, key + ":" + value);
    }

    /**
     * The user's own query text; its errors keep their column. A query with no terms (empty, blanks, an
     * unset shell variable) is refused by every command: as "match everything" it once made
     * {@code reject --where "$Q"} reject a whole database, while {@code count --where ""} counted pending only.
     */
    static Query where(String text) {
        Query query;
        try {
            query = Query.parse(text);
        } catch (IllegalArgumentException e) { // QueryException, with its column
            throw new UsageException("--where: " + e.getMessage());
        }
        if (query.isEmpty()) {
            throw new UsageException("--where is empty: give a query (e.g. --where 'status:pending links:>2'),"
                    + " or leave --where out; nothing was done");
        }
        return query;
    }

    /**
     * An option's value must say something: {@code --author ""} would match every comment (every name
     * contains the empty text), which a script with an unset variable never meant.
     */
    static String requireText(String option, String value) {
        if (value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new UsageException(option + " is empty: give a value, or leave " + option + " out; nothing was done");
        }
        return value;
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    // A column inside the generated term would point nowhere the user typed.
    private static Query parse(String option, String term) {
        try {
            return Query.parse(term);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + COLUMN.matcher(String.valueOf(e.getMessage())).replaceFirst(""));
        }
    }
}
