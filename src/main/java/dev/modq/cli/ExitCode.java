package dev.modq.cli;

/** Exit codes are a contract with scripts; the README and every --help list them. */
public final class ExitCode {

    /** Everything requested is now in the requested state (already-approved counts). */
    public static final int OK = 0;
    /** A runtime failure: nothing was applied (database locked, read-only, corrupted...). */
    public static final int FAILURE = 1;
    /** A usage error: bad option, malformed query, unknown status. */
    public static final int USAGE = 2;
    /** Partial: some ids were not found or conflicted (listed on stderr); the rest applied, or none with --atomic. */
    public static final int PARTIAL = 3;

    /** The text each command's --help ends with. */
    public static final String HELP_FOOTER = "%nExit codes: 0 ok (unchanged counts as ok), 1 failure, 2 usage error,"
            + " 3 partial (some ids not found or in conflict; listed on stderr), 141 stdout closed (e.g. | head).";

    private ExitCode() {
    }
}
