package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;

/** {@code modq tui}: the queue in the text UI (also what plain {@code modq} does). */
@Command(name = "tui", mixinStandardHelpOptions = true, description = "Open the moderation queue in the text UI.")
public final class TuiCommand extends BaseCommand {

    @Override
    public Integer call() {
        return openQueue(global(), spec);
    }

    /** Placeholder until the text UI lands: reports the queue so `modq demo` is useful already. */
    static int openQueue(GlobalOptions global, CommandSpec spec) {
        try (AppContext ctx = AppContext.open(global, OpenMode.EXISTING)) {
            Map<Status, Long> counts = ctx.store().countsByStatus();
            PrintWriter err = spec.commandLine().getErr();
            err.println("modq: " + ctx.store().path() + ": " + counts.get(Status.PENDING) + " pending, "
                    + counts.get(Status.FLAGGED) + " flagged (the text UI is not built yet)");
            err.flush();
            return ExitCode.OK;
        }
    }
}
