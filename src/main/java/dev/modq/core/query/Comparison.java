package dev.modq.core.query;

/** The operator of a numeric term ({@code links:>2}, {@code id:<=10}, {@code age:<2d}). */
public enum Comparison {
    EQ("="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in SQL and in queries. */
    public String symbol() {
        return symbol;
    }

    /** How the operator is printed in a query: equality is the bare number ({@code links:2}). */
    String printed() {
        return this == EQ ? "" : symbol;
    }
}
