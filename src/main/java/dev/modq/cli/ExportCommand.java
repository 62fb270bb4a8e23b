package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.query.When;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportFormat;
import dev.modq.io.ExportWriter;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteExport;
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
                "JSON lines and CSV carry each comment's status and latest decision. wp-cli prints WP-CLI commands"
                        + " that apply modq's decisions to the WordPress site the comments came from; disqus-ids"
                        + " lists Disqus post ids per action."},
        footer = {"%nExamples:", "  modq export --format jsonl > comments.jsonl",
                "  modq export --format wp-cli --since 7d | ssh blog 'cd /var/www && sh'",
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

    @Override
    public Integer call() {
        ExportFormat chosen = format.get();
        ExportFilter filter = new ExportFilter(where == null ? Query.EMPTY : QueryTerms.where(where), parseStatuses(),
                since == null ? null : since.resolve(Instant.now()),
                chosen.sourceSystem());
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            ExportWriter writer = chosen.writer(out());
            SqliteExport.forEach(ctx.store(), filter, row -> {
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
