package dev.modq.cli.dist;

import dev.modq.cli.Cli;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time: runs typical invocations in one JVM so that {@code -XX:DumpLoadedClassList} records the classes
 * modq loads; a system install turns that list into one shared class archive (lib/build-cache). Every
 * command's --help comes from the picocli model (new commands are covered without a list); a small demo
 * database then exercises the reads and a decision. Failures are expected to be harmless: the classes still load.
 */
public final class ClassListTraining {

    private ClassListTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassListTraining SCRATCH-DIR");
            System.exit(2);
        }
        Path scratch = Files.createDirectories(Path.of(args[0]));
        Path dbFile = scratch.resolve("training.db");
        Files.deleteIfExists(dbFile);
        String db = dbFile.toString();
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("--version"));
        runs.add(List.of("--help"));
        List<CommandLine> commands = DistFiles.tree(Cli.commandLine(null, null));
        for (CommandLine command : commands.subList(1, commands.size())) {
            List<String> words = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
            words.remove(0);
            words.add("--help");
            runs.add(words);
        }
        runs.add(List.of("demo", "--no-open", "--comments", "60", "--db", db));
        runs.add(List.of("count", "--db", db));
        runs.add(List.of("list", "--limit", "5", "--db", db));
        runs.add(List.of("show", "1", "--db", db));
        runs.add(List.of("stats", "--db", db));
        runs.add(List.of("log", "--db", db));
        runs.add(List.of("reject", "-", "--reason", "spam", "--db", db));
        runs.add(List.of("approve", "3", "--db", db));
        runs.add(List.of("undo", "--db", db));
        runs.add(List.of("check", "--db", db));
        int failed = 0;
        for (List<String> run : runs) {
            InputStream stdin = new ByteArrayInputStream("2\n4\n".getBytes(StandardCharsets.US_ASCII));
            System.setIn(stdin);
            int code = Cli.run(run.toArray(String[]::new));
            if (code != 0) {
                failed++;
            }
        }
        System.err.println("modq: class-list training: " + runs.size() + " invocations, " + failed + " not ok");
    }
}
