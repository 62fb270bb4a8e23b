package dev.modq.cli;

import dev.modq.cli.output.Field;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.RowWriter;
import dev.modq.core.ListedComment;
import dev.modq.core.query.Query;
import dev.modq.store.ListOrder;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code modq list}: comments matching the filters, streamed in any format. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List comments (pending ones unless told otherwise), streaming: a million rows are fine.",
                "All filters combine (AND) into one query."},
        footer = {"%nFields: id, status, created_at, post_id, post_title, parent_id, author_name, author_email,"
                        + " author_url, author_ip, kind, links, reason, version, body (json/jsonl/csv give all by default).",
                "%nExamples:",
                "  modq list",
                "  modq list --author bob --since 2d --format json",
                "  modq list --where 'links:>3 text:\"free money\"' --format ids | modq reject - --reason spam",
                "  modq list --status all --sort -created --limit 20 --fields id,status,author_name",
                ExitCode.HELP_FOOTER})
public final class ListCommand extends BaseCommand {

    @Mixin
    FilterOptions filters;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "created", completionCandidates = Candidates.Orders.class,
            description = "created (oldest first, default), -created, id, -id, score (lowest first) or -score"
                    + " (likeliest spam first, unscored last).")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N comments (default: all).")
    long limit;

    @Option(names = "--fields", paramLabel = "A,B", description = "Columns to print, in order (see Fields below).")
    String fields;

    @Mixin
    FormatOption<Format> format = FormatOption.of(Format.TABLE, Format.values());

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UsageException("--limit must be 0 or more, not " + limit);
        }
        ListOrder order = ListOrder.parse(sort);
        List<Field<ListedComment>> chosen = chooseFields();
        Query query = filters.toQuery();
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            ctx.store().requireWordLists(query);  // an unknown list fails before the table header is written
            RowWriter<ListedComment> writer = RowWriter.of(format.get(), chosen, out(), TerminalWidth.detect());
            ctx.store().forEachListed(query, order, limit, writer::write);
            writer.finish();
        }
        return ExitCode.OK;
    }

    private List<Field<ListedComment>> chooseFields() {
        if (fields != null) {
            return Field.select(fields, CommentFields.ALL);
        }
        return format.get() == Format.TABLE ? Field.select(CommentFields.TABLE_DEFAULT, CommentFields.ALL) : CommentFields.ALL;
    }
}
