package dev.modq.cli;

import dev.modq.cli.output.Format;
import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One --format option: each command's own formats are what it accepts, documents and completes. */
class FormatOptionTest {

    /** The contract (README "Formats"); the first is the default, "-" when nothing is printed by default. */
    private static final Map<String, List<String>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("list", List.of("table", "table", "csv", "json", "jsonl", "ids", "count"));
        FORMATS.put("show", List.of("table", "table", "json", "jsonl"));
        FORMATS.put("stats", List.of("table", "table", "json"));
        FORMATS.put("learn", List.of("table", "table", "json"));
        FORMATS.put("log", List.of("table", "table", "csv", "json", "jsonl", "count"));
        FORMATS.put("check", List.of("text", "text", "json"));
        FORMATS.put("import", List.of("auto", "auto", "wxr", "disqus", "blogger", "jsonl", "csv"));
        FORMATS.put("export", List.of("jsonl", "jsonl", "csv", "wp-cli", "disqus-ids"));
        FORMATS.put("auto", List.of("-", "jsonl"));
        FORMATS.put("sessions", List.of("text", "text", "json"));
        for (String decision : List.of("approve", "reject", "flag", "pending", "undo")) {
            FORMATS.put(decision, List.of("-", "ids", "jsonl"));
        }
    }

    private final CommandLine modq = Cli.commandLine(null, null);

    @Test
    void everyFormatOptionIsTheSharedOneWithTheCommandsOwnValues() {
        FORMATS.forEach((command, formats) -> {
            OptionSpec option = modq.getSubcommands().get(command).getCommandSpec().findOption("--format");
            List<String> candidates = new ArrayList<>();
            option.completionCandidates().forEach(candidates::add);
            assertEquals(formats.subList(1, formats.size()), candidates, command);
            String help = String.join(" ", option.description());
            formats.subList(1, formats.size()).forEach(f -> assertTrue(help.contains(f), command + ": " + help));
            if (!formats.get(0).equals("-")) {
                assertTrue(help.contains(formats.get(0) + " (default)"), command + ": " + help);
            }
        });
        assertEquals(FORMATS.keySet().stream().sorted().toList(), modq.getSubcommands().entrySet().stream()
                .filter(e -> e.getValue().getCommandSpec().findOption("--format") != null)
                .map(Map.Entry::getKey).sorted().toList(), "commands with --format");
    }

    @Test
    void aCommandAcceptsItsFormatsInAnyCaseAndRefusesTheOthersBeforeRunning() {
        FORMATS.forEach((command, formats) -> {
            for (String f : formats.subList(1, formats.size())) {
                parse(command, "--format", f.toUpperCase());
            }
            for (Format other : Format.values()) {
                if (!formats.contains(other.label())) {
                    assertThrows(CommandLine.ParameterException.class, () -> parse(command, "--format", other.label()),
                            command + " --format " + other.label());
                }
            }
        });
    }

    @Test
    void aRefusedFormatIsOneLineNamingTheRightOnesAndExitsTwo() {
        CliRun r = CliRun.run("stats", "--format", "csv");
        assertEquals(2, r.code());
        assertEquals("modq: Invalid value for option '--format': 'csv' is not available here: use table or json\n"
                + "Try 'modq stats --help' for usage.\n", r.err());
    }

    private void parse(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        if (command.equals("import") || command.equals("show")) {
            all.add("1");  // their required FILE / ID
        }
        modq.parseArgs(all.toArray(String[]::new));
    }
}
