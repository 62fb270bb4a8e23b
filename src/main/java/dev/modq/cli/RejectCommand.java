package dev.modq.cli;

import dev.modq.core.Decision;
import picocli.CommandLine.Command;

/** {@code modq reject}: mark comments rejected. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Mark comments rejected: one transaction and one audit batch (undo it with `modq undo`).",
        footer = {DecideCommand.FOOTER_RULES, "%nExamples:",
                "  modq reject 42 43 44 --reason spam",
                "  modq list --where 'links:>3' --format ids | modq reject - --reason spam",
                "  modq reject --where 'ip:10.0.0.0/8 status:pending' --dry-run",
                ExitCode.HELP_FOOTER})
public final class RejectCommand extends DecideCommand {

    @Override
    Decision decision() {
        return Decision.REJECT;
    }
}
