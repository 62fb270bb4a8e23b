package dev.modq.cli;

import picocli.CommandLine.Command;
import java.io.InputStream;
import picocli.CommandLine.Mixin;

/** {@code modq}: with no command it opens the queue in the text UI. */
@Command(name = "modq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Moderate blog comments from the terminal.",
                "With no command: the keyboard-first queue in the text UI. With a command: scriptable,"
                        + " bulk-capable moderation over the same SQLite store."},
        footer = {"%nExamples:",
                "  modq demo                      open the queue on a demo database",
                "  modq --db /srv/blog/comments.db    open the queue on a real database",
                "  modq list --where 'links:>3' --format ids | modq reject - --reason spam",
                ExitCode.HELP_FOOTER})
public final class ModqCommand extends BaseCommand {

    @Mixin
    private GlobalOptions global;

    /** Where `-` reads ids from; tests hand in their own stream instead of swapping System.in. */
    private InputStream stdin = System.in;

    /** Asks before big decisions; null when there is no terminal to ask on (never prompt then). */
    private Prompter prompter = Prompter.onConsole();

    void io(InputStream stdin, Prompter prompter) {
        this.stdin = stdin;
        this.prompter = prompter;
    }

    /** The caller came over SSH through {@code modq serve}: see {@link Remote}. */
    void remote(Remote remote) {
        global.remote = remote;
    }

    Remote remote() {
        return global.remote;
    }

    InputStream stdin() {
        return stdin;
    }

    Prompter prompter() {
        return prompter;
    }

    public GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        return TuiCommand.openQueue(global, spec);
    }
}
