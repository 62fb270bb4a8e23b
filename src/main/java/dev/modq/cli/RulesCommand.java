package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Json;
import dev.modq.core.query.Query;
import dev.modq.core.query.QueryException;
import dev.modq.core.rules.Rule;
import dev.modq.core.rules.RuleAction;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** {@code modq rules}: the auto-moderation rules. Changes are for admins; every moderator may list and test. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Auto-moderation rules: when a pending comment matches a query, act on it.",
                "A rule is a name, an order, on/off, `when` (the --where language, plus author.approved/author.rejected"
                        + " counts, regular expressions text:/re/i and word lists text:@list) and `then`: approve,"
                        + " reject REASON, flag, hold (leave pending, marked) or score +N/-N. `modq auto` applies them:"
                        + " the first matching reject rule wins, else the first matching other rule, else the spam"
                        + " score's outer bands. Changes are audited (`modq log`)."},
        subcommands = {RulesCommand.Add.class, RulesEditCommand.Edit.class, RulesCommand.ListRules.class,
                RulesCommand.Enable.class, RulesCommand.Disable.class, RulesCommand.Remove.class,
                RulesEditCommand.Export.class, RulesEditCommand.Import.class, RulesTestCommand.Test.class,
                RulesTestCommand.Stats.class},
        footer = {"%nExamples:", "  modq rules add casino --when 'text:/casino|viagra/i links:>1' --then 'reject spam'",
                "  modq rules add trusted --when 'author.approved:>=3' --then approve",
                "  modq rules test casino", "  EDITOR=nano modq rules edit", "  modq rules export > rules.txt",
                ExitCode.HELP_FOOTER})
public final class RulesCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule (admins), at the end unless --position.")
    static final class Add extends BaseCommand {
        @Parameters(paramLabel = "NAME", description = "Letters, digits, '_', '-', '.'.")
        String name;

        @Option(names = "--when", required = true, paramLabel = "QUERY", description = "Which comments: the --where language.")
        String when;

        @Option(names = "--then", required = true, paramLabel = "ACTION",
                description = "approve | reject REASON | flag | hold | score +N | score -N.")
        String then;

        @Option(names = "--position", paramLabel = "N", description = "Place in the order (1 = first).")
        Integer position;

        @Option(names = "--disabled", description = "Add it switched off.")
        boolean disabled;

        @Override
        public Integer call() {
            Rule rule = parse(name, when, then, !disabled);
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                Rule added = ctx.rules().add(rule, position);
                say("modq: added rule " + added.name() + " at position " + added.position()
                        + (added.enabled() ? "" : " (disabled)") + "; try it with `modq rules test " + added.name() + "`");
                return ExitCode.OK;
            }
        }
    }

    static Rule parse(String name, String when, String then, boolean enabled) {
        if (when.isBlank()) {
            throw new UsageException("--when needs a query (an empty one would match every comment)");
        }
        Query query;
        try {
            query = Query.parse(when);
        } catch (QueryException e) {
            throw new UsageException("--when: " + e.getMessage());
        }
        RuleAction action;
        try {
            action = Rule.action(then);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--then: " + e.getMessage());
        }
        try {
            return new Rule(name, 0, enabled, query, action);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rules in the order they run.")
    static final class ListRules extends BaseCommand {
        enum Style { TEXT, JSON }

        @Mixin
        FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                var rules = ctx.store().rules();
                if (format.get() == Style.JSON) {
                    json(rules, out());
                } else {
                    for (Rule r : rules) {
                        out().printf("%3d %-3s %-20s %-14s %s%n", r.position(), r.enabled() ? "on" : "off",
                                r.name(), r.then().print(), Sanitizer.clean(r.when().print()));
                    }
                    if (rules.isEmpty()) {
                        say("modq: no rules yet (add one with `modq rules add NAME --when QUERY --then ACTION`)");
                    }
                }
                out().flush();
                return ExitCode.OK;
            }
        }

        static void json(java.util.List<Rule> rules, PrintWriter out) {
            try {
                JsonGenerator g = Json.generator(out);
                g.writeStartArray();
                for (Rule r : rules) {
                    g.writeStartObject();
                    Json.field(g, "name", r.name());
                    Json.field(g, "position", r.position());
                    Json.field(g, "enabled", r.enabled());
                    Json.field(g, "when", r.when().print());
                    Json.field(g, "then", r.then().print());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switch a rule on (admins).")
    static final class Enable extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.rules().setEnabled(name, true);
                say("modq: rule " + Sanitizer.clean(name) + " enabled");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switch a rule off, keeping it (admins).")
    static final class Disable extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.rules().setEnabled(name, false);
                say("modq: rule " + Sanitizer.clean(name) + " disabled");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a rule (admins; audited).")
    static final class Remove extends BaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ctx.rules().remove(name);
                say("modq: rule " + Sanitizer.clean(name) + " removed (its text is kept in `modq log`)");
                return ExitCode.OK;
            }
        }
    }
}
