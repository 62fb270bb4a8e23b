package dev.modq.cli;

import dev.modq.cli.output.Field;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.RowWriter;
import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.ChainPin;
import dev.modq.store.AuditFilter;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/** {@code modq log}: the audit log, filtered and streamed; {@code --verify} checks its hash chain. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Show the audit log (oldest first), or check that nobody edited it (--verify)."},
        footer = {"%nFields: id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,"
                        + " note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version, prev_hash, hash.",
                "%nActions: approve, reject, flag, pending, undo, purge, moderator_add, moderator_remove, moderator_role.",
                "%nExamples:", "  modq log --moderator alice --since 1d", "  modq log --batch 20261129-104512-3fa2c1 --format jsonl",
                "  modq log --comment 42", "  modq log --verify",
                "  modq log --head                       (prints COUNT:HASH: keep it somewhere else)",
                "  modq log --verify --expect 1234:9f2c...(the 64-digit hash printed by --head)",
                "%n--verify exits 0 when the chain is intact, 1 naming the first entry changed, removed or inserted;",
                "with --expect also 1 when the log was truncated or rewritten at or before the pinned entry.",
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

    @Option(names = "--expect", paramLabel = "COUNT:HASH",
            description = "With --verify: also fail unless entry COUNT still has HASH (a pin printed by --head).")
    String expect;

    @Option(names = "--head", description = "Print COUNT:HASH of the newest entry, a pin to keep outside the database.")
    boolean head;

    @Override
    public Integer call() {
        ChainPin pin = expectedPin();
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            if (verify) {
                return verify(ctx, pin);
            }
            if (head) {
                return head(ctx);
            }
            AuditFilter filter = filter(Instant.now());
            List<Field<AuditEntry>> chosen = fields != null ? Field.select(fields, AuditFields.ALL)
                    : format.get() == Format.TABLE ? Field.select(AuditFields.TABLE_DEFAULT, AuditFields.ALL) : AuditFields.ALL;
            RowWriter<AuditEntry> writer = RowWriter.of(format.get(), chosen, out(), TerminalWidth.detect());
            ctx.store().forEachAudit(filter, writer::write);
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

    private ChainPin expectedPin() {
        if (expect != null && !verify) {
            throw new UsageException("--expect goes with --verify: modq log --verify --expect " + expect);
        }
        if (head && verify) {
            throw new UsageException("--head and --verify are separate: --head prints a pin, --verify --expect checks one");
        }
        try {
            return expect == null ? null : ChainPin.parse(expect);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--expect: " + e.getMessage());
        }
    }

    /** Walks the whole chain; with a pin, the pinned entry must still be there with the pinned hash. */
    private int verify(AppContext ctx, ChainPin pin) {
        AuditChain.Verifier check = new AuditChain.Verifier();
        Map<Long, String> pinned = new HashMap<>(2);
        ctx.store().forEachAudit(AuditFilter.ALL, e -> {
            check.accept(e);
            if (pin != null && e.id() == pin.count()) {
                pinned.put(e.id(), e.hash());
            }
        });
        if (check.problem().isPresent()) {
            say("modq: audit log broken: " + check.problem().get().message());
            return ExitCode.FAILURE;
        }
        Optional<String> mismatch = pin == null ? Optional.empty()
                : pin.mismatch(check.checked(), Optional.ofNullable(pinned.get(pin.count())));
        if (mismatch.isPresent()) {
            say("modq: " + mismatch.get());
            return ExitCode.FAILURE;
        }
        say("modq: audit log intact: " + check.checked() + " entries, head " + check.head().substring(0, 12)
                + (pin == null ? "" : "; entry " + pin.count() + " matches the pin"));
        return ExitCode.OK;
    }

    private int head(AppContext ctx) {
        ChainPin pin = ctx.store().auditHead();
        out().println(pin);
        out().flush();
        return ExitCode.OK;
    }
}
