package dev.modq.core.rules;

/** A rule file that does not parse: {@code file:line:column: what}, one line. */
public final class RuleFileException extends IllegalArgumentException {

    private final int line;
    private final int column;

    RuleFileException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
