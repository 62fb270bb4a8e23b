package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.core.ModeratorName;
import dev.modq.core.Role;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code modq moderator}: the roster. Changes are for admins; anyone on it may list. */
@Command(name = "moderator", mixinStandardHelpOptions = true,
        description = "Manage who may moderate: add, remove, list, role.",
        subcommands = {ModeratorCommand.Add.class, ModeratorCommand.Remove.class, ModeratorCommand.ListMods.class,
                ModeratorCommand.SetRole.class},
        footer = {"%nExamples:", "  modq moderator add alice --role moderator", "  modq moderator role alice admin",
                "  modq moderator remove bob", "  modq moderator list", ExitCode.HELP_FOOTER})
public final class ModeratorCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a moderator (their OS user name), or re-enable a removed one.")
    static final class Add extends BaseCommand {
        @Parameters(paramLabel = "NAME", description = "OS user name of the moderator.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "moderator",
                completionCandidates = Candidates.Roles.class,
                description = "admin, moderator or viewer (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            Role parsed = parseRole(role);
            requireValidName(name);
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.roster().requireAdmin();
                ctx.roster().add(name, parsed);
                say("modq: " + Sanitizer.clean(name) + " is now a " + parsed.label());
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Disable a moderator; their past decisions stay attributed to them.")
    static final class Remove extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.roster().requireAdmin();
                ctx.roster().remove(name);
                say("modq: removed " + Sanitizer.clean(name) + " (history kept; `modq moderator add " + Sanitizer.clean(name)
                        + "` re-enables)");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a moderator's role.")
    static final class SetRole extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", completionCandidates = Candidates.Roles.class,
                description = "admin, moderator or viewer.")
        String role;

        @Override
        public Integer call() {
            Role parsed = parseRole(role);
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.roster().requireAdmin();
                ctx.roster().setRole(name, parsed);
                say("modq: " + Sanitizer.clean(name) + " is now a " + parsed.label());
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List moderators: name, role, since, state.")
    static final class ListMods extends BaseCommand {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                for (Moderator m : ctx.store().moderators()) {
                    out().printf("%s %-10s %s %s%n", DisplayWidth.padRight(Sanitizer.clean(m.name()), 20), m.role().label(),
                            DAY.format(m.createdAt()),
                            m.disabled() ? "removed" : "active");
                }
                out().flush();
                return ExitCode.OK;
            }
        }
    }

    private static void requireValidName(String name) {
        try {
            ModeratorName.require(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Role parseRole(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
