package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Json;
import dev.modq.core.rules.Rule;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.RuleTester;
import dev.modq.store.AutoDecisionStats;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** {@code rules test} (a rule against past decisions) and {@code rules stats} (how often people reversed auto). */
final class RulesTestCommand {

    private RulesTestCommand() {
    }

    enum Style { TEXT, JSON }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Try rules on comments people already decided, before they act.",
                    "Per rule (each on its own, enabled or not): how many decided comments it matches, how many of"
                            + " those people decided the same way (reject: rejected; approve: approved; flag and hold:"
                            + " flagged or rejected; score +N: rejected, -N: approved), how many otherwise, and the"
                            + " newest disagreements."},
            footer = {"%nExamples:", "  modq rules test", "  modq rules test casino --samples 10 --format json",
                    ExitCode.HELP_FOOTER})
    static final class Test extends BaseCommand {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "One rule (default: all, in order).")
        String name;

        @Option(names = "--samples", paramLabel = "N", defaultValue = "3",
                description = "Disagreements shown per rule (default: ${DEFAULT-VALUE}).")
        int samples;

        @Mixin
        FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

        @Override
        public Integer call() {
            if (samples < 0 || samples > 1000) {
                throw new UsageException("--samples must be from 0 to 1000, not " + samples);
            }
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<Rule> rules = ctx.store().rules();
                if (name != null) {
                    rules = rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).toList();
                    if (rules.isEmpty()) {
                        throw new UsageException("no rule named '" + Sanitizer.clean(name) + "' (see `modq rules list`)");
                    }
                }
                RuleTester tester = new RuleTester(ctx.store());
                if (format.get() == Style.JSON) {
                    json(tester, rules);
                } else {
                    for (Rule rule : rules) {
                        text(tester.test(rule, samples));
                    }
                    if (rules.isEmpty()) {
                        say("modq: no rules to test (add one with `modq rules add`)");
                    }
                }
                out().flush();
                return ExitCode.OK;
            }
        }

        private void text(RuleTester.Result r) {
            PrintWriter out = out();
            out.printf("rule %s (%s%s)%n", r.rule().name(), r.rule().then().print(), r.rule().enabled() ? "" : ", disabled");
            out.println("  when " + Sanitizer.clean(r.rule().when().print()));
            out.printf("  matched %d, agreed %d%s, disagreed %d%n", r.matched(), r.agreed(),
                    r.matched() == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * r.agreed() / r.matched()),
                    r.disagreed());
            for (RuleTester.Disagreement d : r.samples()) {
                String did = d.moderatorDid().label() + (d.reason() == null ? "" : " (" + Sanitizer.clean(d.reason()) + ")");
                out.printf("    #%d would %s; was %s by %s: %s%n", d.id(), d.ruleWould(), did, Sanitizer.clean(d.who()),
                        DisplayWidth.truncate(Sanitizer.clean(d.excerpt()), 60));
            }
        }

        private void json(RuleTester tester, List<Rule> rules) {
            try {
                JsonGenerator g = Json.generator(out());
                g.writeStartArray();
                for (Rule rule : rules) {
                    RuleTester.Result r = tester.test(rule, samples);
                    g.writeStartObject();
                    Json.field(g, "rule", rule.name());
                    Json.field(g, "enabled", rule.enabled());
                    Json.field(g, "when", rule.when().print());
                    Json.field(g, "then", rule.then().print());
                    Json.field(g, "matched", r.matched());
                    Json.field(g, "agreed", r.agreed());
                    Json.field(g, "disagreed", r.disagreed());
                    g.writeArrayFieldStart("disagreements");
                    for (RuleTester.Disagreement d : r.samples()) {
                        g.writeStartObject();
                        Json.field(g, "id", d.id());
                        Json.field(g, "rule_would", d.ruleWould());
                        Json.field(g, "moderator_did", d.moderatorDid().label());
                        Json.field(g, "reason", d.reason());
                        Json.field(g, "moderator", d.who());
                        Json.field(g, "excerpt", d.excerpt());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    g.flush();
                }
                g.writeEndArray();
                g.flush();
                out().println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Per rule (and for the score bands), how many comments `modq auto` decided and how many"
                    + " people later reversed (decided otherwise; a hold: approved) or undid."},
            footer = {"%nExamples:", "  modq rules stats", "  modq rules stats --format json", ExitCode.HELP_FOOTER})
    static final class Stats extends BaseCommand {
        @Mixin
        FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<AutoDecisionStats> stats = ctx.store().autoDecisionStats();
                if (format.get() == Style.JSON) {
                    json(stats);
                } else {
                    out().printf("%-28s %-8s %9s %9s %8s %7s%n", "rule", "action", "decided", "reversed", "share", "undone");
                    for (AutoDecisionStats s : stats) {
                        out().printf(Locale.ROOT, "%-28s %-8s %9d %9d %7.1f%% %7d%n", Sanitizer.clean(s.label()), s.action(),
                                s.decided(), s.reversed(), s.decided() == 0 ? 0.0 : 100.0 * s.reversed() / s.decided(),
                                s.undone());
                    }
                }
                out().flush();
                return ExitCode.OK;
            }
        }

        private void json(List<AutoDecisionStats> stats) {
            try {
                JsonGenerator g = Json.generator(out());
                g.writeStartArray();
                for (AutoDecisionStats s : stats) {
                    g.writeStartObject();
                    Json.field(g, "rule", s.label());
                    Json.field(g, "action", s.action());
                    Json.field(g, "decided", s.decided());
                    Json.field(g, "reversed", s.reversed());
                    Json.field(g, "undone", s.undone());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.flush();
                out().println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
