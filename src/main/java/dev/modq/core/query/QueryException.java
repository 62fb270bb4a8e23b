package dev.modq.core.query;

/** TEMPORARY STUB until the query branch lands. */
public final class QueryException extends IllegalArgumentException {
    private final int position;
    public QueryException(String message, int position) { super(message); this.position = position; }
    public int position() { return position; }
}
