package dev.modq.cli;

import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * approve, reject, flag and pending: the comments named by ids, stdin ({@code -}) or {@code --where}, decided in
 * one call to the service, so the whole invocation is one transaction and one audit batch.
 */
abstract class DecideCommand extends BaseCommand {

    static final String FOOTER_RULES = "%nIds come as arguments, or with - from stdin: one or more per line, separated by spaces"
            + " or tabs (blank lines and # comments skipped), or JSON lines with \"id\" and optionally \"version\" (a comment changed since is a conflict)."
            + " An unreadable line stops everything (exit 2, its line number named). --where acts on every match of"
            + " the query, whatever its status unless the query names one; an empty --where is refused. Asks before acting on more than "
            + ModerationService.CONFIRM_ABOVE + " comments only when stdin and stdout are a terminal; piped input is never asked about.";

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Comment ids; - reads ids from stdin.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--where", paramLabel = "QUERY", description = "Act on every comment matching this query.")
    String where;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (spam, abuse, off-topic...): stored in lower case on the comment and in the audit log.")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    ChangeOptions change;

    abstract Decision decision();

    @Override
    public Integer call() {
        change.check();
        if (ids.isEmpty() == (where == null)) {
            throw new UsageException(ids.isEmpty()
                    ? "name the comments: ids, - to read ids from stdin, or --where QUERY"
                    : "give ids or --where, not both");
        }
        Query query = where == null ? null : QueryTerms.where(where);
        List<Target> targets = query == null ? IdReader.read(ids, root().stdin()) : null;
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            if (targets == null) {
                targets = ctx.service().targetsMatching(query);
            }
            if (!confirmed(targets.size())) {
                say("modq: cancelled; nothing changed");
                return ExitCode.FAILURE;
            }
            BatchResult result = ctx.service().decide(decision(), targets,
                    new DecideOptions(reason == null ? null : reason.strip(), change.note, change.force, change.atomic,
                            change.dryRun));
            report(result);
            return OutcomeReport.exitCode(result);
        }
    }

    private boolean confirmed(int count) {
        Prompter prompter = root().prompter();
        if (yes || change.dryRun || prompter == null || !ModerationService.needsConfirmation(count)) {
            return true;
        }
        return prompter.confirm(question(count));
    }

    /** "Reject 1234 comments?" */
    String question(int count) {
        String verb = decision().verb();
        return Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + count + " comments?";
    }

    /** How the summary names the comments changed: "rejected 97, unchanged 1". */
    String changedLabel() {
        return decision().target().label();
    }

    private void report(BatchResult result) {
        OutcomeReport.failures(result, err());
        try {
            OutcomeReport.data(result, change, out());
        } finally {
            summary(result); // even when stdout failed: the batch id is how to undo what was applied
        }
    }

    private void summary(BatchResult result) {
        String past = changedLabel();
        if (change.dryRun) {
            say("modq: dry run: would have " + OutcomeReport.counts(result, past) + "; nothing written");
        } else if (!result.committed()) {
            say("modq: --atomic: nothing applied because " + result.failures().size() + " comment(s) failed (would have "
                    + OutcomeReport.counts(result, past) + ")");
        } else if (result.batchId() == null) {
            say("modq: " + OutcomeReport.counts(result, past) + "; nothing changed");
        } else {
            say("modq: " + OutcomeReport.counts(result, past) + "; batch " + result.batchId()
                    + "; undo with: modq undo " + result.batchId());
        }
    }
}
