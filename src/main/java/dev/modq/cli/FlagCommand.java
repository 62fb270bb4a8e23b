package dev.modq.cli;

import dev.modq.core.Decision;
import picocli.CommandLine.Command;

/** {@code modq flag}: mark comments flagged. */
@Command(name = "flag", mixinStandardHelpOptions = true,
        description = "Mark comments flagged: one transaction and one audit batch (undo it with `modq undo`).",
        footer = {DecideCommand.FOOTER_RULES, "%nExamples:",
                "  modq flag 42 43 44 --reason spam",
                "  modq list --where 'links:>3' --format ids | modq flag - --reason spam",
                "  modq flag --where 'ip:10.0.0.0/8 status:pending' --dry-run",
                ExitCode.HELP_FOOTER})
public final class FlagCommand extends DecideCommand {

    @Override
    Decision decision() {
        return Decision.FLAG;
    }
}
