package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Json;
import dev.modq.core.rules.Rule;
import dev.modq.service.AutoModerator;
import dev.modq.service.SpamScores;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@code modq auto}: the rules, then the spam score's outer bands, applied to pending comments as one batch. */
@Command(name = "auto", mixinStandardHelpOptions = true,
        description = {"Apply the enabled rules, then the spam score's outer bands, to pending comments.",
                "For each pending comment: every matching `score` rule adjusts its spam score; the first matching"
                        + " reject rule wins; else the first matching approve, flag or hold rule; else, once the score"
                        + " model is ready, likely spam is rejected (reason spam) and likely ham approved; the unsure"
                        + " band and held comments stay with people. One run is one batch by the moderator `auto`"
                        + " (the rule or \"score 97\" in each entry's note), undone with `modq undo BATCH` by any"
                        + " moderator. Only comments still pending under the write lock are touched."},
        footer = {"%nExamples:", "  modq auto --dry-run", "  modq auto", "  modq auto --follow   # as a service: new comments as they arrive",
                ExitCode.HELP_FOOTER})
public final class AutoCommand extends BaseCommand {

    enum Style { JSONL }

    @Option(names = "--dry-run", description = "Print what would happen (`42 pending -> rejected (rule casino)`); change nothing.")
    boolean dryRun;

    @Option(names = "--follow", description = "Keep running: handle new comments as they arrive, until SIGTERM or Ctrl-C.")
    boolean follow;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "1000", hidden = true,
            description = "With --follow, how often to look for new comments (default: ${DEFAULT-VALUE}).")
    long pollMs;

    @Mixin
    FormatOption<Style> format = FormatOption.optional("jsonl: one object per action on stdout", Style.JSONL);

    @Override
    public Integer call() throws InterruptedException {
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            Consumer<AutoModerator.Action> printer = printer();
            if (!follow) {
                AutoModerator.Run run = auto(ctx).run(dryRun, 0, printer);
                summary(run, ctx.store().rules());
                return ExitCode.OK;
            }
            return follow(ctx, printer);
        }
    }

    /** The automatic moderator with the spam score's bands once the model is ready, stored scores brought up to date. */
    static AutoModerator auto(AppContext ctx) {
        SpamScores scores = SpamScores.of(ctx.scorer());
        scores.refresh();
        return ctx.auto(scores);
    }

    private int follow(AppContext ctx, Consumer<AutoModerator.Action> printer) throws InterruptedException {
        if (global().remote != null) {
            // its signal handlers and its endless loop belong to a process of its own, not to a server's session
            throw new UsageException("auto --follow is not available over SSH: run it on the server as a service"
                    + " (modq-auto.service), or `modq auto` here once");
        }
        AtomicBoolean stop = new AtomicBoolean();
        StopSignals.onStop(() -> {
            stop.set(true);
            say("modq: auto --follow: stopping after the current run (again to stop now; it then rolls back)");
        }, () -> Runtime.getRuntime().halt(ExitCode.FAILURE));
        long seenMax = 0;
        List<Rule> rules = null;
        long version = -1;
        say("modq: auto --follow: watching " + ctx.store().address() + " (Ctrl-C or SIGTERM stops)");
        while (!stop.get()) {
            long now = ctx.store().changes().version();
            List<Rule> current = ctx.store().rules();
            if (now != version || !current.equals(rules)) {
                // changed rules apply to the whole queue again; otherwise only comments that arrived since
                long from = current.equals(rules) ? seenMax : 0;
                AutoModerator.Run run = auto(ctx).run(dryRun, from, printer);
                seenMax = Math.max(seenMax, run.maxIdSeen());
                if (run.applied() > 0 || rules == null) {
                    summary(run, current);
                }
                rules = current;
                // the version read before the run: a comment that arrived during it counts as a change, so the
                // next round picks it up (read after the run, it was swallowed until some later change)
                version = now;
            }
            sleep(stop);
        }
        say("modq: auto --follow: stopped");
        return ExitCode.OK;
    }

    private void sleep(AtomicBoolean stop) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(50, pollMs));
        while (!stop.get() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    private Consumer<AutoModerator.Action> printer() {
        PrintWriter out = out();
        if (format.get() == Style.JSONL) {
            JsonGenerator g = Json.generator(out);
            return a -> {
                try {
                    g.writeStartObject();
                    Json.field(g, "id", a.commentId());
                    Json.field(g, "from", "pending");
                    Json.field(g, "to", a.hold() ? "pending" : a.to().label());
                    Json.field(g, "held", a.hold());
                    Json.field(g, "by", a.label());
                    Json.field(g, "reason", a.reason());
                    Json.field(g, "dry_run", dryRun);
                    g.writeEndObject();
                    g.flush();
                    out.print('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
        return dryRun ? a -> out.println(a.describe()) : a -> { };
    }

    private void summary(AutoModerator.Run run, List<Rule> rules) {
        out().flush();
        long enabled = rules.stream().filter(Rule::enabled).count();
        if (enabled == 0 && !run.scoreUsed()) {
            say("modq: auto: nothing to apply: no enabled rule and the spam score is not ready (`modq rules add`)");
            return;
        }
        String results = run.byResult().isEmpty() ? "nothing to do" : join(run.byResult());
        String by = run.byLabel().isEmpty() ? "" : " (" + join(run.byLabel()) + ")";
        String what = dryRun ? "auto (dry run, nothing changed): " : "auto: ";
        String batch = run.batchId() == null ? "" : "; batch " + run.batchId() + " (undo: `modq undo " + run.batchId() + "`)";
        say("modq: " + what + results + by + " of " + run.examined() + " pending examined"
                + (run.scoreUsed() ? "" : ", score not ready: rules only") + batch);
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
