package dev.modq.cli.dist;

import dev.modq.cli.Cli;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time generator of the files a release ships beside the jar, all from the picocli model, so every
 * command (whoever adds it) gets them without a list kept anywhere:
 * {@code man/man1/modq*.1.gz}, {@code completion/bash/modq} and {@code completion/zsh/_modq}.
 * Run by the build (pom.xml, package phase): {@code java -cp modq.jar dev.modq.cli.dist.DistFiles OUT VERSION DATE}.
 */
public final class DistFiles {

    private DistFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DistFiles OUTPUT-DIR VERSION BUILD-DATE");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Path> pages = writeManPages(out.resolve("man/man1"), args[1], day(args[2]));
        writeCompletion(out.resolve("completion"));
        System.out.println("modq: " + pages.size() + " man pages and bash/zsh completion in " + out);
    }

    private static String day(String buildDate) {
        return buildDate.length() >= 10 ? buildDate.substring(0, 10) : buildDate;
    }

    /** One gzipped page per command and subcommand, in the whole command tree. */
    public static List<Path> writeManPages(Path dir, String version, String date) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (CommandLine command : tree(Cli.commandLine(null, null))) {
            Path page = dir.resolve(ManPage.pageName(command.getCommandSpec()) + ".1.gz");
            gzip(page, new ManPage(command.getCommandSpec(), version, date).render());
            written.add(page);
        }
        return written;
    }

    /** Every command once, under its own name (aliases are the same command). */
    public static List<CommandLine> tree(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, into);
            }
        });
    }

    public static void writeCompletion(Path dir) throws IOException {
        String bash = AutoComplete.bash("modq", Cli.commandLine(null, null));
        Files.createDirectories(dir.resolve("bash"));
        Files.createDirectories(dir.resolve("zsh"));
        Files.writeString(dir.resolve("bash/modq"), bash, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("zsh/_modq"), zsh(bash), StandardCharsets.UTF_8);
    }

    /**
     * zsh loads files named _modq from its fpath as completion functions. This one runs the bash script through
     * zsh's bashcompinit (as `modq completion` advises for zsh) the first time, then completes the current word.
     * picocli's script would also run compinit, which must not happen inside a completion function: dropped.
     * It calls bash's compopt, which bashcompinit lacks ("command not found" under the prompt): a no-op here.
     */
    static String zsh(String bash) {
        StringBuilder body = new StringBuilder();
        for (String line : bash.split("\n", -1)) {
            body.append(line.strip().startsWith("autoload -U +X compinit") ? "  :  # compinit already ran" : line)
                    .append('\n');
        }
        return "#compdef modq\n"
                + "# modq completion for zsh, generated at build time: the bash completion through bashcompinit.\n"
                + "if (( ! $+functions[_complete_modq] )); then\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + body
                + "fi\n"
                + "_bash_complete -F _complete_modq \"$@\"\n";
    }

    /** gzip without a file name or time stamp in the header (what dh_compress does with gzip -9n). */
    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
