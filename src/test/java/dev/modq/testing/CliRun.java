package dev.modq.testing;

import dev.modq.cli.Cli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process with captured stdout and stderr (System.out is never swapped). */
public record CliRun(int code, String out, String err) {

    public static CliRun run(String... args) {
        CommandLine cmd = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
