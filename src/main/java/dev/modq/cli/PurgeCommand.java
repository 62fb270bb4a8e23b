package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.core.query.When;
import dev.modq.service.ModerationService;
import dev.modq.service.PurgeService;
import dev.modq.store.OpenMode;
import dev.modq.store.PurgeSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code modq purge}: delete old comments of one status for good, audited, all or nothing. Admins only. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Delete old comments of one status for good (e.g. rejected spam). Admins only.",
                "A comment is old when its last change in modq (its last audit entry), else its creation, is before"
                        + " --older-than. Each purged comment gets an audit entry (action purge: its status, reason"
                        + " and version when it went) and the hash chain stays intact; the whole purge is one"
                        + " transaction. A comment that still has a reply staying behind is kept, and so is the"
                        + " newest comment (SQLite would reuse its id). Pending comments are never purged."},
        footer = {"%nExamples:", "  modq purge --status rejected --older-than 30d --dry-run",
                "  modq purge --status rejected --older-than 30d --yes",
                "  modq purge --status rejected --older-than 2026-01-01",
                "%nOn a terminal, asks before deleting more than " + ModerationService.CONFIRM_ABOVE + " comments."
                        + " Without a terminal it never asks: --yes is required (or --dry-run).",
                ExitCode.HELP_FOOTER})
public final class PurgeCommand extends BaseCommand {

    @Option(names = "--status", required = true, paramLabel = "STATUS",
            description = "rejected, approved or flagged (never pending).")
    String status;

    @Option(names = "--older-than", required = true, paramLabel = "WHEN", converter = WhenConverter.class,
            description = "Last changed before: a duration ago (30d, 2w), a date (2026-01-31) or an instant.")
    When olderThan;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for each purge entry in the audit log.")
    String note;

    @Option(names = "--dry-run", description = "Print the ids that would be deleted (stdout) and the count; delete nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask; required when there is no terminal to ask on.")
    boolean yes;

    @Override
    public Integer call() {
        Status which = parseStatus();
        Instant before = olderThan.resolve(Instant.now());
        Prompter prompter = root().prompter();
        if (!dryRun && !yes && prompter == null) {
            throw new UsageException("purge deletes comments for good and there is no terminal to ask on:"
                    + " add --yes (or --dry-run to see what it would delete)");
        }
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            PurgeService purge = ctx.purge();
            if (!dryRun && !yes) {
                long count = purge.purge(which, before, note, true).purged();
                if (ModerationService.needsConfirmation(count) && !prompter.confirm("Purge " + count + " " + which.label()
                        + " comments for good?")) {
                    say("modq: nothing deleted");
                    return ExitCode.FAILURE;
                }
            }
            PurgeService.Result result = purge.purge(which, before, note, dryRun);
            if (dryRun) {
                for (long id : result.purgedIds()) {
                    out().println(id);
                }
                out().flush();
            }
            say(summary(result, which, before));
            return ExitCode.OK;
        }
    }

    private Status parseStatus() {
        try {
            return Status.parse(status);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status: " + e.getMessage());
        }
    }

    private String summary(PurgeService.Result r, Status which, Instant before) {
        String what = r.purged() + " " + which.label() + (r.purged() == 1 ? " comment" : " comments")
                + " last changed before " + before.truncatedTo(ChronoUnit.SECONDS) + kept(r.selection());
        if (dryRun) {
            return "modq: dry run: would purge " + what + "; nothing deleted";
        }
        if (r.batchId() == null) {
            return "modq: purged nothing: " + what;
        }
        return "modq: purged " + what + "; audit batch " + r.batchId() + " (modq log --batch " + r.batchId() + ")";
    }

    private static String kept(PurgeSelection s) {
        String kept = "";
        if (s.keptForReplies() > 0) {
            kept += "; kept " + s.keptForReplies() + " with replies that stay";
        }
        if (s.keptNewest()) {
            kept += "; kept the newest comment (its id would be reused)";
        }
        return kept;
    }
}
