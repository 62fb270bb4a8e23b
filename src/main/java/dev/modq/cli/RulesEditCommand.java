package dev.modq.cli;

import dev.modq.core.rules.Rule;
import dev.modq.core.rules.RuleFileException;
import dev.modq.core.rules.RuleText;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** {@code rules edit}, {@code export} and {@code import}: the rules as readable text (see {@link RuleText}). */
final class RulesEditCommand {

    /** Test hook and override: the editor command, before $VISUAL and $EDITOR. */
    static final String EDITOR_PROPERTY = "modq.editor";

    private RulesEditCommand() {
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Edit every rule in $VISUAL or $EDITOR (else vi) as text (admins).",
                    "On saving, the file must parse as a whole: otherwise modq says file:line:column and what, changes"
                            + " nothing, and keeps your file. Rules left out of the file are removed."})
    static final class Edit extends BaseCommand {
        @Override
        public Integer call() {
            if (global().remote != null) {
                throw new UsageException("rules edit would open an editor on the server: over SSH, `ssh HOST rules export"
                        + " > rules.txt`, edit it, then `ssh HOST rules import --replace - < rules.txt`");
            }
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<Rule> before = ctx.store().rules();
                String original = RuleText.print(before);
                Path file = tempFile(original);
                int exit = runEditor(file);
                if (exit != 0) {
                    say("modq: the editor exited with " + exit + ": nothing changed (your text is in " + file + ")");
                    return ExitCode.FAILURE;
                }
                String edited = read(file);
                if (edited.equals(original)) {
                    Files.deleteIfExists(file);
                    say("modq: no changes");
                    return ExitCode.OK;
                }
                List<Rule> wanted;
                try {
                    wanted = RuleText.parse(file.toString(), edited);
                } catch (RuleFileException e) {
                    say("modq: " + e.getMessage() + " — nothing changed (your text is kept in " + file + ";"
                            + " fix it and run `modq rules import --replace " + file + "`)");
                    return ExitCode.USAGE;
                }
                int changed = ctx.rules().replaceAll(wanted, before);
                Files.deleteIfExists(file);
                say("modq: " + changed + " rule change(s) saved; " + wanted.size() + " rule(s) now");
                return ExitCode.OK;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path tempFile(String text) throws IOException {
            Path file = Files.createTempFile("modq-rules-", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }

        private static int runEditor(Path file) throws IOException {
            String editor = System.getProperty(EDITOR_PROPERTY);
            for (String env : new String[]{"VISUAL", "EDITOR"}) {
                if (editor == null || editor.isBlank()) {
                    editor = System.getenv(env);
                }
            }
            if (editor == null || editor.isBlank()) {
                editor = "vi";
            }
            // through the shell, so EDITOR may carry arguments ("code --wait"); the file is passed as $1, never parsed
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", editor + " \"$1\"", "modq-edit", file.toString())
                    .inheritIO();
            try {
                return pb.start().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print every rule as text (the form `rules edit` and `rules import` read).")
    static final class Export extends BaseCommand {
        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                out().print(RuleText.print(ctx.store().rules()));
                out().flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read rules from a file in the text form (admins); all or nothing.",
                    "Rules of the same name are replaced, others kept, new ones added at the end; with --replace the"
                            + " file becomes the whole set (rules not in it are removed)."})
    static final class Import extends BaseCommand {
        @Parameters(paramLabel = "FILE", description = "A rules file, or - for stdin.")
        String file;

        @Option(names = "--replace", description = "Make the file the whole set of rules.")
        boolean replace;

        @Option(names = "--dry-run", description = "Check the file and say what it holds; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            RemoteRules.requireStdinOnly(global(), file, "ssh HOST rules import - < rules.txt");
            String text = file.equals("-") ? new String(root().stdin().readAllBytes(), StandardCharsets.UTF_8)
                    : read(Path.of(file));
            List<Rule> rules;
            try {
                rules = RuleText.parse(file.equals("-") ? "<stdin>" : file, text);
            } catch (RuleFileException e) {
                say("modq: " + e.getMessage() + " — nothing changed");
                return ExitCode.USAGE;
            }
            if (dryRun) {
                say("modq: " + file + " holds " + rules.size() + " rule(s); nothing changed (dry run)");
                return ExitCode.OK;
            }
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                int changed = replace ? ctx.rules().replaceAll(rules) : ctx.rules().merge(rules);
                say("modq: " + changed + " rule change(s) saved; " + ctx.store().rules().size() + " rule(s) now");
                return ExitCode.OK;
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException(file + " is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
