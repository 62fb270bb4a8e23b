package dev.modq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code modq}: with no command it opens the queue in the text UI. */
@Command(name = "modq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Moderate blog comments from the terminal: a keyboard-first queue (run with no command),",
                "and scriptable bulk commands over the same SQLite store."},
        subcommands = {
                InitCommand.class,
                TuiCommand.class,
                DemoCommand.class,
                ModeratorCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                CheckCommand.class,
                BackupCommand.class,
                picocli.CommandLine.HelpCommand.class
        },
        footer = {"%nExamples:",
                "  modq demo                      open the queue on a demo database",
                "  modq --db /srv/blog/comments.db    open the queue on a real database",
                ExitCode.HELP_FOOTER})
public final class ModqCommand extends BaseCommand {

    @Mixin
    private GlobalOptions global;

    public GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        return TuiCommand.openQueue(global, spec);
    }
}
