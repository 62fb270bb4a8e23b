package dev.modq.cli;

import dev.modq.core.BatchResult;
import dev.modq.service.DecideOptions;
import dev.modq.service.UndoResult;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code modq undo [BATCH]}: restores what a batch changed, where nobody changed it since. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Undo your last batch of decisions, or the batch given (yours; admins may undo anyone's).",
                "A comment changed after the batch is a conflict and stays as it is (unless --force)."},
        footer = {"%nExamples:", "  modq undo", "  modq undo 20261129-104512-3fa2c1", "  modq log --batch 20261129-104512-3fa2c1",
                "%nExit code 1 when there is nothing left to undo.", ExitCode.HELP_FOOTER})
public final class UndoCommand extends BaseCommand {

    @Parameters(paramLabel = "BATCH", arity = "0..1", description = "The batch id (see `modq log`); default: your last one.")
    String batch;

    @Mixin
    ChangeOptions change;

    @Override
    public Integer call() {
        change.check();
        DecideOptions options = new DecideOptions(null, change.note, change.force, change.atomic, change.dryRun);
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            Optional<UndoResult> undone = batch == null
                    ? ctx.service().undoLast(options)
                    : Optional.of(ctx.service().undo(batch.trim(), options));
            if (undone.isEmpty()) {
                say("modq: nothing to undo: " + ctx.actor().name() + " has no batch that is not undone yet");
                return ExitCode.FAILURE;
            }
            return report(undone.get());
        }
    }

    private int report(UndoResult undo) {
        BatchResult result = undo.result();
        OutcomeReport.failures(result, err());
        OutcomeReport.data(result, change, out());
        String counts = OutcomeReport.counts(result, "restored");
        if (change.dryRun) {
            say("modq: dry run: undoing batch " + undo.undoneBatch() + " would have " + counts + "; nothing written");
        } else {
            say("modq: undid batch " + undo.undoneBatch() + ": " + counts
                    + (result.batchId() == null ? "" : "; batch " + result.batchId()));
        }
        return OutcomeReport.exitCode(result);
    }
}
