package dev.modq.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after the command name. */
public final class GlobalOptions {

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Database: a file (SQLite) or a postgresql:// address (default: $MODQ_DB, else"
                    + " modq/modq.db under $XDG_DATA_HOME or ~/.local/share).")
    String db;

    @Option(names = "--as", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Act as this moderator (admins only; default: your OS user).")
    String as;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    public boolean colorWanted() {
        String noColorEnv = System.getenv("NO_COLOR");
        return !noColor && (noColorEnv == null || noColorEnv.isEmpty());
    }

    public String as() {
        return as;
    }

    public boolean verbose() {
        return verbose;
    }
}
