package dev.modq.cli.dist;

import dev.modq.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The man pages the build ships: one per command of the picocli tree, listing exactly the options --help lists. */
class ManPagesTest {

    @TempDir
    static Path dir;

    static List<CommandLine> commands;

    @BeforeAll
    static void generate() throws IOException {
        DistFiles.writeManPages(dir, "9.9.9", "2026-12-01");
        commands = DistFiles.tree(Cli.commandLine(null, null));
    }

    @Test
    void everyCommandHasItsPageAndNothingElseHasOne() throws IOException {
        Set<String> expected = commands.stream().map(c -> ManPage.pageName(c.getCommandSpec()) + ".1.gz")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, written);
        assertTrue(written.containsAll(List.of("modq.1.gz", "modq-reject.1.gz", "modq-moderator-add.1.gz")), written::toString);
        assertTrue(written.size() >= 20, "pages: " + written.size());
    }

    @Test
    void eachPageListsExactlyTheOptionsOfItsHelp() throws IOException {
        for (CommandLine command : commands) {
            String name = ManPage.pageName(command.getCommandSpec());
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            Set<String> fromHelp = optionsInHelp(help);
            Set<String> fromPage = optionsInPage(page(name));
            assertFalse(fromHelp.isEmpty(), name + " --help lists no option:\n" + help);
            assertEquals(fromHelp, fromPage, name + ": the man page and --help list different options");
        }
    }

    @Test
    void eachPageNamesItsCommandAndKeepsItsExamplesWhole() throws IOException {
        for (CommandLine command : commands) {
            String name = ManPage.pageName(command.getCommandSpec());
            String troff = page(name);
            assertTrue(troff.contains(".TH \"" + name.toUpperCase() + "\" \"1\" \"2026-12-01\" \"modq 9.9.9\""), troff);
            assertTrue(troff.contains(".SH NAME\n" + ManPage.escape(name) + " \\- "), troff);
            for (String entry : command.getCommandSpec().usageMessage().footer()) {
                String text = String.format(entry);
                if (text.startsWith("  modq ")) {
                    assertTrue(troff.contains("\n" + ManPage.escape(text.strip()) + "\n"), name + " lost example " + text);
                }
            }
        }
    }

    /** groff, when the machine has it (every Debian with man-db does), reads every page without a warning. */
    @Test
    void groffReadsEveryPageWithoutWarnings() throws Exception {
        if (!onPath("groff")) {
            return;
        }
        for (CommandLine command : commands) {
            String name = ManPage.pageName(command.getCommandSpec());
            Process p = new ProcessBuilder("groff", "-man", "-ww", "-Tutf8").redirectErrorStream(false).start();
            p.getOutputStream().write(page(name).getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String warnings = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), name);
            assertEquals("", warnings, name);
            assertTrue(text.replaceAll(".\b", "").contains("SYNOPSIS"), name + ":\n" + text);
        }
    }

    /** Option lines of picocli's --help start at column 2 ("  -h, --help") or 6 ("      --db=PATH"). */
    static Set<String> optionsInHelp(String help) {
        Set<String> names = new TreeSet<>();
        for (String line : help.lines().toList()) {
            if (line.startsWith("  -") || line.startsWith("      -")) {
                // a long option and its label may leave one space before the description: names stop at the
                // first part that is not an option
                for (String n : line.strip().split("\\s{2,}")[0].split(", ")) {
                    if (!n.startsWith("-")) {
                        break;
                    }
                    names.add(n.replaceAll("[=\\[ ].*", ""));
                }
            }
        }
        return names;
    }

    private static final Pattern BOLD = Pattern.compile("\\\\fB(.+?)\\\\fR");

    static Set<String> optionsInPage(String troff) {
        Set<String> names = new TreeSet<>();
        int start = troff.indexOf("\n.SH OPTIONS\n");
        if (start < 0) {
            return names;
        }
        int end = troff.indexOf("\n.SH ", start + 1);
        List<String> lines = new ArrayList<>(troff.substring(start, end < 0 ? troff.length() : end).lines().toList());
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(".TP")) {
                Matcher m = BOLD.matcher(lines.get(i + 1));
                while (m.find()) {
                    names.add(m.group(1).replace("\\-", "-"));
                }
            }
        }
        return names;
    }

    private static String page(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".1.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
