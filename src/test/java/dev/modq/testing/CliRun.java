package dev.modq.testing;

import dev.modq.cli.Cli;
import dev.modq.cli.Prompter;
import dev.modq.cli.Stdout;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process with captured stdout and stderr (System.out is never swapped). */
public record CliRun(int code, String out, String err) {

    public static CliRun run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), null, args);
    }

    /** With a given stdin and confirmation prompter (null: the default, which asks on a console only). */
    public static CliRun run(InputStream stdin, Prompter prompter, String... args) {
        CommandLine cmd = Cli.commandLine(stdin, prompter == null ? Prompter.onConsole() : prompter);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * With stdout going to {@code stdout} through the writer the real process uses ({@link Stdout}), so a
     * failing stream behaves as a full disk or a closed pipe would; {@code out} is then empty.
     */
    public static CliRun toStream(OutputStream stdout, String... args) {
        CommandLine cmd = Cli.commandLine(new ByteArrayInputStream(new byte[0]), Prompter.onConsole());
        StringWriter err = new StringWriter();
        cmd.setOut(Stdout.writer(stdout, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err));
        int code = Cli.execute(cmd, args);
        return new CliRun(code, "", err.toString());
    }

    /** Runs against one database: {@code --db db} goes first. */
    public static CliRun onDb(Path db, InputStream stdin, Prompter prompter, String... args) {
        return onDb(db.toString(), stdin, prompter, args);
    }

    /** Runs against the database at {@code address} (a file path or a server address). */
    public static CliRun onDb(String address, InputStream stdin, Prompter prompter, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", address));
        all.addAll(List.of(args));
        return run(stdin, prompter, all.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
