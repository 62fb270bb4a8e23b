package dev.modq.cli;

import java.util.Map;
import java.util.Set;

/**
 * What a command that came over SSH may not do. The client chooses the words, the server owns the files: nothing
 * run through {@code modq serve} may name a file on the server, another database, or start another UI or server.
 * Commands with file arguments that are otherwise safe check them themselves ({@code import}: only {@code -};
 * {@code moderator key add}: only {@code -}).
 */
final class RemoteRules {

    private static final Map<String, String> REFUSED = Map.of(
            "init", "init creates a database on the server: run it there",
            "demo", "demo writes a database file on the server: run it locally",
            "backup", "backup writes a file on the server: run it there (or `ssh HOST export > comments.jsonl`)",
            "check", "check opens the database file itself: run it on the server",
            "serve", "serve is not available over SSH",
            "copy", "copy reads and writes databases named by the caller: run it on the server",
            "tui", "the queue needs a terminal: use `ssh -t HOST` (or plain `ssh HOST`)");

    /**
     * The commands allowed over SSH, each checked for file arguments. A command not listed here (a new one too) is
     * refused until someone has checked that it reads and writes nothing the client chooses.
     */
    static final Set<String> ALLOWED = Set.of("moderator", "list", "count", "show", "approve", "reject", "flag",
            "pending", "undo", "stats", "log", "import", "export", "purge", "sessions", "completion", "help",
            "rules", "lists", "auto", "learn");

    private RemoteRules() {
    }

    /** Why these words cannot run over SSH, or null when they may. */
    static String refusal(String[] args) {
        String name = Commands.commandName(args);
        if (name == null) {
            for (String a : args) {
                if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                    return null;
                }
            }
            return "no command: `ssh -t HOST` opens the queue; `ssh HOST help` lists the commands";
        }
        if (ALLOWED.contains(name)) {
            return null;
        }
        String why = REFUSED.get(name);
        return why != null ? why : "'" + dev.modq.core.text.Sanitizer.clean(name) + "' is not available over SSH"
                + " (`ssh HOST help` lists the commands; run others on the server)";
    }

    /** Checked once the words are parsed: the server has one database. */
    static String refusalAfterParse(GlobalOptions global) {
        if (global.db != null) {
            return "--db is not available over SSH: the server serves one database";
        }
        return null;
    }

    /** For commands that read a file named by the caller: over SSH only stdin ({@code -}) is allowed. */
    static void requireStdinOnly(GlobalOptions global, String file, String example) {
        if (global.remote != null && !"-".equals(file)) {
            throw new UsageException("over SSH only - (stdin) can be read, not a file on the server: " + example);
        }
    }
}
