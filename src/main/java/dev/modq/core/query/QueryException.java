package dev.modq.core.query;

/**
 * A filter text that does not parse. The message is one line and already names the 1-based column;
 * {@link #position()} is the 0-based index into the input so a UI can put the cursor there.
 */
public final class QueryException extends IllegalArgumentException {

    private final int position;

    public QueryException(int position, String message) {
        super(message);
        this.position = position;
    }

    /** {@code "<problem> at column N"} or {@code "<problem> at column N: <hint>"}. */
    static QueryException at(int position, String problem, String hint) {
        String message = problem + " at column " + (position + 1) + (hint == null ? "" : ": " + hint);
        return new QueryException(position, message);
    }

    public int position() {
        return position;
    }
}
