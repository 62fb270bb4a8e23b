package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help keeps every example whole; the bash completion script offers each option's real values. */
class HelpAndCompletionTest {

    @TempDir
    Path dir;

    @Test
    void everyExampleInEveryHelpIsOneWholeLine() {
        List<CommandLine> all = new ArrayList<>();
        collect(Cli.commandLine(null, null), all);
        int examples = 0;
        for (CommandLine command : all) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = help.lines().toList();
            for (String entry : command.getCommandSpec().usageMessage().footer()) {
                String text = String.format(entry);
                if (text.startsWith("  modq ")) {
                    assertTrue(lines.contains(text), command.getCommandName() + " --help breaks the example\n" + text
                            + "\n---\n" + help);
                    examples++;
                }
            }
            lines.stream().filter(l -> !l.startsWith("  ")).forEach(l -> assertTrue(l.length() <= 80 || !l.contains(" "),
                    command.getCommandName() + ": prose over 80 columns: " + l));
        }
        assertTrue(examples > 40, "examples checked: " + examples);
    }

    @Test
    void completionOffersEachCommandsOwnValues() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("modq list --status ''", "pending approved rejected flagged all");
        expected.put("modq count --status ''", "pending approved rejected flagged all");
        expected.put("modq export --status ''", "pending approved rejected flagged");
        expected.put("modq list --sort ''", "created -created id -id score -score");
        expected.put("modq list --format ''", "table csv json jsonl ids count");
        expected.put("modq stats --format ''", "table json");
        expected.put("modq approve --format ''", "ids jsonl");
        expected.put("modq undo --format ''", "ids jsonl");
        expected.put("modq export --format w", "wp-cli");
        expected.put("modq check --format ''", "text json");
        expected.put("modq cop", "copy");
        expected.put("modq log --action ''", "approve reject flag pending undo purge moderator_add moderator_remove moderator_role");
        expected.put("modq moderator add bob --role ''", "admin moderator viewer");
        expected.put("modq moderator role bob ''", "admin moderator viewer");
        Path script = dir.resolve("modq-completion.bash");
        Files.writeString(script, CliRun.run("completion").out());
        StringBuilder probe = new StringBuilder("source '" + script + "' 2>/dev/null\n"
                + "try() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$*\";"
                + " COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
                + " _complete_modq modq \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
                + " echo \"${COMPREPLY[*]}\"; }\n");
        expected.keySet().forEach(words -> probe.append("try ").append(words).append('\n'));
        List<String> got = bash(probe.toString());
        assertEquals(new ArrayList<>(expected.values()), got);
    }

    private static List<String> bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.isEmpty(), "bash printed nothing");
        return out.lines().toList();
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
