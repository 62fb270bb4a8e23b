package dev.modq.cli;

import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code modq count}: how many comments match; the same filters as list. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Print how many comments match (pending ones unless told otherwise); the same filters as list.",
        footer = {"%nExamples:", "  modq count", "  modq count --status all --author bob",
                "  modq count --where 'links:>3 age:<1d'", ExitCode.HELP_FOOTER})
public final class CountCommand extends BaseCommand {

    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        var query = filters.toQuery();
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            out().println(ctx.store().count(query));
            out().flush();
        }
        return ExitCode.OK;
    }
}
