package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.tui.Session;
import dev.modq.tui.lanterna.TerminalUi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** {@code modq tui}: the queue in the text UI (also what plain {@code modq} does). */
@Command(name = "tui", mixinStandardHelpOptions = true, description = "Open the moderation queue in the text UI.")
public final class TuiCommand extends BaseCommand {

    /**
     * The text UI's writes wait for another writer's lock in tries of this long (and try again, saying so), so the
     * screen can tell "held by another writer" from a slow write within about a second.
     */
    private static final int WRITE_TRY_MS = 1_000;

    @Override
    public Integer call() {
        return openQueue(global(), spec);
    }

    /** Opens the queue; without a terminal it refuses in one line (before touching the database). */
    static int openQueue(GlobalOptions global, CommandSpec spec) {
        String refusal = !TerminalUi.hasTerminal() ? TerminalUi.NO_TTY : TerminalUi.refusal(System.getenv("TERM"));
        if (refusal != null) {
            spec.commandLine().getErr().println(refusal);
            spec.commandLine().getErr().flush();
            return ExitCode.FAILURE;
        }
        // decisions are written on a second connection, off the key loop: a busy database never freezes the screen
        // (opened from the first: a second open() would read the file with Java I/O and drop SQLite's locks)
        try (AppContext ctx = AppContext.open(global, OpenMode.EXISTING);
             Store writes = ctx.store().openAnother(WRITE_TRY_MS)) {
            Moderator me = ctx.actor();
            Session session = Session.of(Sanitizer.clean(ctx.store().shortName()),
                    Sanitizer.clean(me.name()), me.role().label(), me.role().canDecide(), ctx.store().writable());
            TerminalUi.run(ctx.store(), new ModerationService(writes, me, Clock.systemUTC()), session,
                    global.colorWanted(), OutputCharset.localeNote());
            return ExitCode.OK;
        } catch (TerminalUi.NoTerminalException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.FAILURE;
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal failed: " + e.getMessage(), e);
        }
    }
}
