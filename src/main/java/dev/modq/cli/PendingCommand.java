package dev.modq.cli;

import dev.modq.core.Decision;
import picocli.CommandLine.Command;

/** {@code modq pending}: put decided comments back into the queue (WP-CLI's {@code wp comment unapprove}). */
@Command(name = "pending", mixinStandardHelpOptions = true,
        description = "Set comments back to pending, into the queue: one transaction and one audit batch (undo it with"
                + " `modq undo`).",
        footer = {DecideCommand.FOOTER_RULES, "%nExamples:",
                "  modq pending 42 43 --note 'approved by mistake'",
                "  modq list --status approved --author bob --format ids | modq pending -",
                "  modq pending --where 'status:approved author:bob after:1d' --dry-run",
                ExitCode.HELP_FOOTER})
public final class PendingCommand extends DecideCommand {

    @Override
    Decision decision() {
        return Decision.PENDING;
    }

    @Override
    String question(int count) {
        return "Set " + count + " comments back to pending?";
    }

    @Override
    String changedLabel() {
        return "back to pending";
    }
}
