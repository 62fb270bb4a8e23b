package dev.modq.cli;

import dev.modq.core.Decision;
import picocli.CommandLine.Command;

/** {@code modq approve}: mark comments approved. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Mark comments approved: one transaction and one audit batch (undo it with `modq undo`).",
        footer = {DecideCommand.FOOTER_RULES, "%nExamples:",
                "  modq approve 42 43 44 --reason spam",
                "  modq list --where 'links:>3' --format ids | modq approve - --reason spam",
                "  modq approve --where 'ip:10.0.0.0/8 status:pending' --dry-run",
                ExitCode.HELP_FOOTER})
public final class ApproveCommand extends DecideCommand {

    @Override
    Decision decision() {
        return Decision.APPROVE;
    }
}
