package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.Json;
import dev.modq.core.score.Backtest;
import dev.modq.core.score.BacktestResult;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.Thresholds;
import dev.modq.io.LabelledTsv;
import dev.modq.service.SpamScorer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code modq learn}: rebuild the spam model, bring stored scores up to date, backtest it, set its thresholds. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Rebuilds the spam model from every decision (approved = ham, rejected as spam = spam; other"
                + " reasons teach nothing), then scores pending and flagged comments again. Decisions made in the text UI"
                + " or with approve/reject/undo already teach it as they happen; this starts it over.",
                "Under 200 learned decisions the model says 'not ready' instead of guessing."},
        footer = {"%n--evaluate is a time-ordered backtest: decided comments oldest first, the oldest --train-share only"
                + " train, each later one is scored by the model trained on everything before it, then learned. It prints"
                + " spam caught and ham wrongly held (among comments outside the unsure band) and the unsure share, at the"
                + " current thresholds and at suggested ones.",
                "%nJSON fields (--evaluate): source, labelled, trained, not_ready, scored, thresholds{ham_below,spam_above},"
                        + " spam{total,caught,unsure,passed}, ham{total,held,unsure,passed}, spam_caught, ham_held, unsure,"
                        + " meets_goal, suggested{thresholds,spam_caught,ham_held,unsure}.",
                "%nExamples:", "  modq learn", "  modq learn --rescore", "  modq learn --evaluate --format json",
                "  modq learn --evaluate --labelled SMSSpamCollection", "  modq learn --thresholds 15,85",
                ExitCode.HELP_FOOTER})
public final class LearnCommand extends BaseCommand {

    @Option(names = "--rescore", description = "Only bring the stored scores of pending and flagged comments up to date.")
    boolean rescore;

    @Option(names = "--evaluate", description = "Backtest the model on the history (changes nothing).")
    boolean evaluate;

    @Option(names = "--labelled", paramLabel = "FILE",
            description = "With --evaluate: backtest on this file instead (lines 'ham<TAB>text' or 'spam<TAB>text', oldest first).")
    Path labelled;

    @Option(names = "--train-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "With --evaluate: the oldest share that only trains (default: ${DEFAULT-VALUE}).")
    double trainShare;

    @Option(names = "--thresholds", paramLabel = "LOW,HIGH",
            description = "Set the bands: below LOW likely ham, above HIGH likely spam, between unsure (e.g. 15,85).")
    String thresholds;

    @Option(names = "--status", description = "Print what the model has learned and its thresholds.")
    boolean status;

    @Mixin
    FormatOption<Format> format = FormatOption.of(Format.TABLE, Format.TABLE, Format.JSON);

    @Override
    public Integer call() {
        if (trainShare < 0 || trainShare >= 1) {
            throw new UsageException("--train-share must be at least 0 and below 1, e.g. 0.5");
        }
        if (labelled != null && !evaluate) {
            throw new UsageException("--labelled goes with --evaluate");
        }
        if (evaluate && labelled != null) {
            if (global().remote != null) {
                throw new UsageException("--labelled reads a file on the server: run it there");
            }
            return evaluateFile();
        }
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            SpamScorer scorer = ctx.scorer();
            if (evaluate) {
                report(ctx.store().address(), scorer.evaluate(trainShare), scorer.thresholds());
            } else if (thresholds != null) {
                setThresholds(scorer);
            } else if (status) {
                printState(scorer.state(), scorer.due(1_000_000));
            } else {
                learn(scorer);
            }
        }
        out().flush();
        return ExitCode.OK;
    }

    private int evaluateFile() {
        if (!Files.isReadable(labelled)) {
            throw new UsageException("cannot read " + labelled + ": give a readable file of 'ham<TAB>text' / 'spam<TAB>text' lines");
        }
        long n;
        Backtest backtest;
        try {
            n = LabelledTsv.count(labelled);
            backtest = new Backtest((long) Math.floor(n * trainShare));
            LabelledTsv.forEach(labelled, backtest::add);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        report(labelled.toString(), backtest.result(), Thresholds.DEFAULT);
        out().flush();
        return ExitCode.OK;
    }

    private void learn(SpamScorer scorer) {
        if (!rescore) {
            ModelState state = scorer.rebuild();
            say("modq: learned " + state.learned() + " decisions (" + state.hamLearned() + " ham, " + state.spamLearned()
                    + " spam)" + (state.isReady() ? "" : "; not ready: scores need " + ModelState.READY_AT + " decisions"));
        }
        long scored = scorer.scoreDue(Long.MAX_VALUE, () -> true);
        say("modq: scored " + scored + " pending and flagged comments");
    }

    private void setThresholds(SpamScorer scorer) {
        String[] parts = thresholds.split(",", -1);
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected two numbers");
            }
            Thresholds t = new Thresholds(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            scorer.setThresholds(t);
            say("modq: thresholds set: " + t);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--thresholds " + thresholds + ": " + e.getMessage()
                    + " (give LOW,HIGH with 0 <= LOW <= HIGH + 1 <= 101, e.g. 15,85)");
        }
    }

    private void printState(ModelState s, long due) {
        if (format.get() == Format.JSON) {
            json(gen -> {
                Json.field(gen, "ham", s.hamLearned());
                Json.field(gen, "spam", s.spamLearned());
                Json.field(gen, "ready", s.isReady());
                Json.field(gen, "ham_below", s.thresholds().hamBelow());
                Json.field(gen, "spam_above", s.thresholds().spamAbove());
                Json.field(gen, "generation", s.generation());
                Json.field(gen, "due", due);
            });
            return;
        }
        PrintWriter out = out();
        out.printf("learned     %d ham, %d spam%s%n", s.hamLearned(), s.spamLearned(),
                s.isReady() ? "" : " (not ready: needs " + ModelState.READY_AT + ")");
        out.printf("thresholds  %s%n", s.thresholds());
        out.printf("due         %s pending or flagged comments to (re)score%n", due > 1_000_000 ? "1000000+" : due);
    }

    private void report(String source, BacktestResult r, Thresholds current) {
        BacktestResult.Figures now = r.at(current);
        BacktestResult.Figures best = r.suggest();
        if (format.get() == Format.JSON) {
            json(gen -> {
                Json.field(gen, "source", source);
                Json.field(gen, "labelled", r.trained() + r.notReady() + now.scored());
                Json.field(gen, "trained", r.trained());
                Json.field(gen, "not_ready", r.notReady());
                Json.field(gen, "scored", now.scored());
                figures(gen, now);
                gen.writeObjectFieldStart("suggested");
                figures(gen, best);
                gen.writeEndObject();
            });
            return;
        }
        PrintWriter out = out();
        out.printf("backtest of %s: %d labelled, %d only trained, %d scored%s%n", source,
                r.trained() + r.notReady() + now.scored(), r.trained(), now.scored(),
                r.notReady() == 0 ? "" : ", " + r.notReady() + " before the model was ready");
        text(out, "at the current thresholds", now);
        text(out, "at the suggested thresholds", best);
    }

    private static void text(PrintWriter out, String title, BacktestResult.Figures f) {
        out.printf("%s (%s):%n", title, f.thresholds());
        out.printf("  spam caught  %6s  (%d of %d spam outside the unsure band; %d spam unsure)%n",
                pct(f.caughtRate()), f.spamCaught(), f.spamCaught() + f.spamPassed(), f.spamUnsure());
        out.printf("  ham held     %6s  (%d of %d ham outside the unsure band; %d ham unsure)%n",
                pct(f.heldRate()), f.hamHeld(), f.hamHeld() + f.hamPassed(), f.hamUnsure());
        out.printf("  unsure       %6s  (%d of %d scored)%n", pct(f.unsureShare()), f.spamUnsure() + f.hamUnsure(),
                f.scored());
        out.printf("  goal (>= 95%% caught, <= 1%% held, <= 20%% unsure): %s%n", f.meetsGoal() ? "met" : "not met");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static void figures(JsonGenerator gen, BacktestResult.Figures f) throws IOException {
        gen.writeObjectFieldStart("thresholds");
        Json.field(gen, "ham_below", f.thresholds().hamBelow());
        Json.field(gen, "spam_above", f.thresholds().spamAbove());
        gen.writeEndObject();
        gen.writeObjectFieldStart("spam");
        Json.field(gen, "total", f.spam());
        Json.field(gen, "caught", f.spamCaught());
        Json.field(gen, "unsure", f.spamUnsure());
        Json.field(gen, "passed", f.spamPassed());
        gen.writeEndObject();
        gen.writeObjectFieldStart("ham");
        Json.field(gen, "total", f.ham());
        Json.field(gen, "held", f.hamHeld());
        Json.field(gen, "unsure", f.hamUnsure());
        Json.field(gen, "passed", f.hamPassed());
        gen.writeEndObject();
        Json.field(gen, "spam_caught", round(f.caughtRate()));
        Json.field(gen, "ham_held", round(f.heldRate()));
        Json.field(gen, "unsure", round(f.unsureShare()));
        Json.field(gen, "meets_goal", f.meetsGoal());
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    private interface JsonBody {
        void write(JsonGenerator gen) throws IOException;
    }

    private void json(JsonBody body) {
        JsonGenerator gen = Json.generator(out());
        gen.setPrettyPrinter(new DefaultPrettyPrinter());
        try {
            gen.writeStartObject();
            body.write(gen);
            gen.writeEndObject();
            gen.flush();
            out().print('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
