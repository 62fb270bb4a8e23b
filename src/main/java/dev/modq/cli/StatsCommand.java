package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.Json;
import dev.modq.core.Stats;
import dev.modq.core.Status;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code modq stats}: the queue by status, the busiest posts, who decided what, decisions per day. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Comments per status and per post (top N), decisions per moderator, decisions per day (UTC).",
        footer = {"%nJSON fields: by_status{pending,approved,rejected,flagged}, top_posts[{post_id,title,comments,pending}],"
                        + " by_moderator[{moderator,approve,reject,flag,pending,undo}], per_day[{day,decisions}].",
                "%nExamples:", "  modq stats", "  modq stats --top 5 --days 30 --format json", ExitCode.HELP_FOOTER})
public final class StatsCommand extends BaseCommand {

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Posts to show (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "Days of decisions to show (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    FormatOption<Format> format = FormatOption.of(Format.TABLE, Format.TABLE, Format.JSON);

    @Override
    public Integer call() {
        if (top < 0 || days < 0) {
            throw new UsageException("--top and --days must be 0 or more");
        }
        Stats stats;
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            stats = ctx.store().stats(top, days);
        }
        if (format.get() == Format.JSON) {
            json(stats);
        } else {
            table(stats);
        }
        out().flush();
        return ExitCode.OK;
    }

    private void table(Stats s) {
        PrintWriter out = out();
        out.println("STATUS      COMMENTS");
        for (Map.Entry<Status, Long> e : s.byStatus().entrySet()) {
            out.printf("%-10s  %8d%n", e.getKey().label(), e.getValue());
        }
        out.println();
        out.println("POST      COMMENTS   PENDING  TITLE");
        s.topPosts().forEach(p -> out.printf("%-8d  %8d  %8d  %s%n", p.postId(), p.comments(), p.pending(),
                DisplayWidth.truncate(Sanitizer.clean(p.title()), 40)));
        out.println();
        out.println("MODERATOR          APPROVE    REJECT      FLAG   PENDING      UNDO");
        s.byModerator().forEach(m -> out.printf("%-16s  %8d  %8d  %8d  %8d  %8d%n",
                DisplayWidth.truncate(Sanitizer.clean(m.moderator()), 16), m.approve(), m.reject(), m.flag(), m.pending(),
                m.undo()));
        out.println();
        out.println("DAY         DECISIONS");
        s.perDay().forEach(d -> out.printf("%-10s  %9d%n", d.day(), d.decisions()));
    }

    private void json(Stats s) {
        JsonGenerator gen = Json.generator(out());
        gen.setPrettyPrinter(new DefaultPrettyPrinter());
        try {
            gen.writeStartObject();
            gen.writeObjectFieldStart("by_status");
            for (Map.Entry<Status, Long> e : s.byStatus().entrySet()) {
                Json.field(gen, e.getKey().label(), e.getValue());
            }
            gen.writeEndObject();
            gen.writeArrayFieldStart("top_posts");
            for (Stats.PostCount p : s.topPosts()) {
                gen.writeStartObject();
                Json.field(gen, "post_id", p.postId());
                Json.field(gen, "title", p.title());
                Json.field(gen, "comments", p.comments());
                Json.field(gen, "pending", p.pending());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("by_moderator");
            for (Stats.ModeratorCount m : s.byModerator()) {
                gen.writeStartObject();
                Json.field(gen, "moderator", m.moderator());
                Json.field(gen, "approve", m.approve());
                Json.field(gen, "reject", m.reject());
                Json.field(gen, "flag", m.flag());
                Json.field(gen, "pending", m.pending());
                Json.field(gen, "undo", m.undo());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("per_day");
            for (Stats.DayCount d : s.perDay()) {
                gen.writeStartObject();
                Json.field(gen, "day", d.day().toString());
                Json.field(gen, "decisions", d.decisions());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.flush();
            out().print('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
