package dev.modq.cli;

import dev.modq.core.query.QueryException;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.AccessDeniedException;
import dev.modq.store.StoreAddressException;
import dev.modq.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Builds the command line and owns the one place errors are printed: {@code modq: message} on one line,
 * a stack trace only with --verbose.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine() {
        return commandLine(System.in, Prompter.onConsole());
    }

    /** A command line reading `-` ids from {@code stdin} and asking confirmations through {@code prompter} (may be null). */
    public static CommandLine commandLine(InputStream stdin, Prompter prompter) {
        CommandLine cmd = root(stdin, prompter);
        Commands.addAll(cmd);
        return configured(cmd);
    }

    /** Runs one invocation, building only the part of the command tree it needs (start-up time matters to scripts). */
    public static int run(String... args) {
        OutputCharset.useUtf8();
        CommandLine cmd = root(System.in, Prompter.onConsole());
        Commands.addFor(cmd, args);
        configured(cmd).setOut(Stdout.process());
        String note = System.console() != null ? OutputCharset.localeNote() : null;
        if (note != null) {
            // on a terminal only: scripts reading pipes get UTF-8 without a word
            cmd.getErr().println("modq: " + note);
            cmd.getErr().flush();
        }
        return execute(cmd, args);
    }

    /**
     * Executes and then flushes stdout, so a write error in the last buffered rows is still reported (and a
     * command never exits 0 having lost its output).
     */
    public static int execute(CommandLine cmd, String... args) {
        try {
            int code = cmd.execute(args);
            cmd.getOut().flush();
            return code;
        } catch (StdoutFailure e) {
            return stdoutFailed(e, cmd, e);
        }
    }

    private static CommandLine root(InputStream stdin, Prompter prompter) {
        ModqCommand root = new ModqCommand();
        root.io(stdin, prompter);
        return new CommandLine(root);
    }

    /** picocli copies these settings to the subcommands present when they are set: call after adding them. */
    private static CommandLine configured(CommandLine cmd) {
        cmd.setExecutionExceptionHandler(Cli::handleExecutionException);
        cmd.setExecutionStrategy(parsed -> helpOrRun(cmd, parsed));
        cmd.setParameterExceptionHandler(Cli::handleParameterException);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** --help and --version write to stdout outside the execution-exception handler: their write errors too are one line. */
    private static int helpOrRun(CommandLine cmd, CommandLine.ParseResult parsed) {
        try {
            Integer help = CommandLine.executeHelpRequest(parsed);
            return help != null ? help : new CommandLine.RunLast().execute(parsed);
        } catch (StdoutFailure e) {
            return stdoutFailed(e, cmd, e);
        }
    }

    private static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        StdoutFailure stdout = StdoutFailure.in(e);
        if (stdout != null) {
            return stdoutFailed(stdout, cmd, e);
        }
        PrintWriter err = cmd.getErr();
        err.println("modq: " + oneLine(e));
        if (verbose(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCodeFor(e);
    }

    /** A closed pipe ends quietly with 141, as for any Unix filter; any other write error is one line and exit 1. */
    private static int stdoutFailed(StdoutFailure failure, CommandLine cmd, Exception thrown) {
        PrintWriter err = cmd.getErr();
        if (!failure.brokenPipe()) {
            err.println("modq: " + oneLine(failure));
        }
        if (verbose(cmd)) {
            thrown.printStackTrace(err);
        }
        err.flush();
        return failure.brokenPipe() ? Stdout.BROKEN_PIPE : ExitCode.FAILURE;
    }

    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("modq: " + oneLine(e));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    static int exitCodeFor(Exception e) {
        if (e instanceof UsageException || e instanceof QueryException || e instanceof StoreAddressException) {
            return ExitCode.USAGE;
        }
        if (e instanceof StoreException || e instanceof AccessDeniedException) {
            return ExitCode.FAILURE;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILURE;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName() + " (run with --verbose for details)";
        }
        // messages quote names, paths and values from the store or the user: never let them drive the terminal
        return Sanitizer.clean(message);
    }

    private static boolean verbose(CommandLine cmd) {
        Object root = cmd.getCommandSpec().root().userObject();
        return root instanceof ModqCommand modq && modq.global().verbose();
    }
}
