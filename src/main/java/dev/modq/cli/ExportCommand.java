package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.query.When;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportFormat;
import dev.modq.io.ExportWriter;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code modq export}: comments and decisions out, as data or as commands for the blog's own tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export comments and decisions: JSON lines, CSV, WP-CLI commands, Disqus ids.",
                "JSON lines and CSV carry each comment's status, latest decision, post and meta (they import back"
                        + " with every comment, status and meta as it was; the decision fields are for reading: the"
                        + " audit log is never imported). wp-cli prints a shell script of WP-CLI commands that pushes the decisions not"
                        + " pushed yet to the WordPress site the comments came from; it lists what did not apply, exits 1"
                        + " then, and ends with the --confirm-pushed command to run in modq. disqus-ids lists Disqus post"
                        + " ids per action."},
        footer = {"%nExamples:", "  modq export --format jsonl > comments.jsonl",
                "  modq export --format wp-cli > decisions.sh; ssh blog 'cd /var/www && sh' < decisions.sh",
                "  modq export --format wp-cli --confirm-pushed 1234",
                "  modq export --status rejected --where 'status:rejected' --format csv",
                ExitCode.HELP_FOOTER})
public final class ExportCommand extends BaseCommand {

    @Mixin
    FormatOption<ExportFormat> format = FormatOption.of(ExportFormat.JSONL, ExportFormat.values());

    @Option(names = "--status", paramLabel = "STATUS", split = ",", completionCandidates = Candidates.Statuses.class,
            description = "Only these statuses (pending, approved, rejected, flagged); repeatable or comma-separated.")
    List<String> statuses;

    @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class,
            description = "Only comments decided in modq at or after WHEN: " + WhenConverter.FORMS + ".")
    When since;

    @Option(names = "--where", paramLabel = "QUERY", description = "Only comments matching QUERY (as in `modq list`).")
    String where;

    @Option(names = "--confirm-pushed", paramLabel = "DECISION",
            description = "wp-cli, disqus-ids: record that the commands of an earlier export ran, up to decision"
                    + " DECISION (the script's last line prints the exact command); later exports leave them out.")
    Long confirmPushed;

    @Option(names = "--except", paramLabel = "IDS", split = "[ ,]",
            description = "With --confirm-pushed: source ids the script reported as not applied (they stay unpushed).")
    List<String> except;

    @Override
    public Integer call() {
        ExportFormat chosen = format.get();
        Instant decidedSince = since == null ? null : since.resolve(Instant.now());
        // A push without --since emits what was not pushed yet: re-running it, or running the next one, loses nothing.
        String unpushed = chosen.pushes() && (decidedSince == null || confirmPushed != null) ? chosen.label() : null;
        ExportFilter filter = new ExportFilter(where == null ? Query.EMPTY : QueryTerms.where(where), parseStatuses(),
                confirmPushed != null ? null : decidedSince, chosen.sourceSystem(), unpushed);
        if (confirmPushed != null) {
            return confirm(chosen, filter);
        }
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            ExportWriter writer = chosen.writer(out(), confirmCommand(chosen));
            ctx.store().forEachExport(filter, row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.finish();
            out().flush();
            writer.notes().forEach(note -> say("modq: " + note));
            return ExitCode.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Integer confirm(ExportFormat chosen, ExportFilter filter) {
        if (!chosen.pushes()) {
            throw new UsageException("--confirm-pushed goes with --format wp-cli or disqus-ids");
        }
        Set<String> failed = except == null ? Set.of() : except.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            long marked = ctx.store().confirmPushed(filter, confirmPushed, failed);
            say("modq: " + marked + " decision(s) recorded as pushed (" + chosen.label() + ")"
                    + (failed.isEmpty() ? "" : "; " + failed.size() + " left for the next export"));
            return ExitCode.OK;
        }
    }

    /** The command that confirms this export's push, with the same filters, quoted for a POSIX shell. */
    private String confirmCommand(ExportFormat chosen) {
        StringBuilder cmd = new StringBuilder("modq export --format " + chosen.label());
        if (statuses != null && !statuses.isEmpty()) {
            cmd.append(" --status ").append(shellQuote(String.join(",", statuses)));
        }
        if (where != null) {
            cmd.append(" --where ").append(shellQuote(where));
        }
        return cmd.toString();
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private Set<Status> parseStatuses() {
        Set<Status> set = EnumSet.noneOf(Status.class);
        if (statuses != null) {
            for (String s : statuses) {
                try {
                    set.add(Status.parse(s));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--status: " + e.getMessage());
                }
            }
        }
        return set;
    }
}
