package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.io.ExportFilter;
import dev.modq.io.ExportFormat;
import dev.modq.io.ExportWriter;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default), csv, wp-cli or disqus-ids.")
    String format;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only these statuses (pending, approved, rejected, flagged); repeatable or comma-separated.")
    List<String> statuses;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only comments decided in modq at or after TIME: 2024-05-01, 2024-05-01T10:00:00Z, or an age"
                    + " like 30m, 24h, 7d.")
    String since;

    @Option(names = "--where", paramLabel = "QUERY", description = "Only comments matching QUERY (as in `modq list`).")
    String where;

    @Override
    public Integer call() {
        ExportFormat chosen = parseFormat();
        ExportFilter filter = new ExportFilter(where == null ? Query.EMPTY : QueryTerms.where(where), parseStatuses(), parseSince(since, Instant.now()),
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

    private ExportFormat parseFormat() {
        try {
            return ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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

    /** A time (date, date-time with offset) or an age back from now (30m, 24h, 7d). */
    static Instant parseSince(String text, Instant now) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d+[mhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                Duration age = switch (t.charAt(t.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return now.minus(age);
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UsageException("--since '" + text + "' is not a time: use 2024-05-01, 2024-05-01T10:00:00Z,"
                    + " or an age like 30m, 24h, 7d");
        }
    }
}
