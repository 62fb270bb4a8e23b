package dev.modq.cli;

import dev.modq.cli.output.Field;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.RowWriter;
import dev.modq.core.AuditEntry;
import dev.modq.store.AuditFilter;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.AuditLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;

/** {@code modq log}: the audit log, filtered and streamed; {@code --verify} checks its hash chain. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Show the audit log (oldest first), or check that nobody edited it (--verify)."},
        footer = {"%nFields: id, at, moderator, comment_id, action, from_status, to_status, reason, from_reason, note,"
                        + " batch_id, undo_of, version_after, prev_hash, hash.",
                "%nExamples:", "  modq log --moderator alice --since 1d", "  modq log --batch 20261129-104512-3fa2c1 --format jsonl",
                "  modq log --comment 42", "  modq log --verify",
                "%n--verify exits 0 when the chain is intact, 1 naming the first entry changed, removed or inserted.",
                ExitCode.HELP_FOOTER})
public final class LogCommand extends BaseCommand {

    @Option(names = "--moderator", paramLabel = "NAME", description = "Only this moderator's entries.")
    String moderator;

    @Option(names = "--action", paramLabel = "ACTION", completionCandidates = Candidates.Actions.class,
            description = "${COMPLETION-CANDIDATES}.")
    String action;

    @Mixin
    TimeWindowOptions window;

    @Option(names = "--batch", paramLabel = "BATCH", description = "Only this batch.")
    String batch;

    @Option(names = "--comment", paramLabel = "ID", description = "Only entries about this comment.")
    Long comment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N entries (with --newest: the last N).")
    long limit;

    @Option(names = "--newest", description = "Newest first.")
    boolean newest;

    @Option(names = "--fields", paramLabel = "A,B", description = "Columns to print, in order.")
    String fields;

    @Mixin
    FormatOption<Format> format = FormatOption.of(Format.TABLE, Format.TABLE, Format.CSV, Format.JSON, Format.JSONL,
            Format.COUNT);

    @Option(names = "--verify", description = "Check the hash chain of the whole log instead of listing it.")
    boolean verify;

    @Override
    public Integer call() {
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            if (verify) {
                return verify(ctx);
            }
            AuditFilter filter = filter(Instant.now());
            List<Field<AuditEntry>> chosen = fields != null ? Field.select(fields, AuditFields.ALL)
                    : format.get() == Format.TABLE ? Field.select(AuditFields.TABLE_DEFAULT, AuditFields.ALL) : AuditFields.ALL;
            RowWriter<AuditEntry> writer = RowWriter.of(format.get(), chosen, out(), TerminalWidth.detect());
            AuditLogReader.forEach(ctx.store(), filter, writer::write);
            writer.finish();
            return ExitCode.OK;
        }
    }

    private AuditFilter filter(Instant now) {
        if (action != null && !Candidates.Actions.ALL.contains(action.trim().toLowerCase())) {
            throw new UsageException("--action: unknown action '" + action + "': use " + String.join(", ", Candidates.Actions.ALL));
        }
        if (limit < 0) {
            throw new UsageException("--limit must be 0 or more, not " + limit);
        }
        return new AuditFilter(moderator, action == null ? null : action.trim().toLowerCase(),
                window.since == null ? null : window.since.resolve(now),
                window.until == null ? null : window.until.resolve(now),
                batch, comment, limit, newest);
    }

    private int verify(AppContext ctx) {
        ChainCheck check = new ChainCheck();
        AuditLogReader.forEach(ctx.store(), AuditFilter.ALL, check::accept);
        if (check.problem() != null) {
            say("modq: audit log broken: " + check.problem());
            return ExitCode.FAILURE;
        }
        say("modq: audit log intact: " + check.checked() + " entries, head " + check.head().substring(0, 12));
        return ExitCode.OK;
    }
}
