package dev.modq.cli.dist;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command's manual page in troff (man(7) macros), written from the same picocli model that prints its
 * --help, so the two cannot drift. A small renderer instead of picocli-codegen's AsciiDoc plus Asciidoctor:
 * that route needs a Ruby runtime (AsciidoctorJ's JRuby, ~60 MB) in every build for a dozen short pages.
 */
public final class ManPage {

    private final CommandSpec spec;
    private final String version;
    private final String date;

    public ManPage(CommandSpec spec, String version, String date) {
        this.spec = spec;
        this.version = version;
        this.date = date;
    }

    /** modq, modq-reject, modq-moderator-add: the page's name, as {@code man} finds it. */
    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String name = pageName(spec);
        out.append(".\\\" Generated from modq's picocli command model at build time; do not edit.\n");
        out.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"").append(date)
                .append("\" \"modq ").append(version).append("\" \"modq manual\"\n");
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(summary())).append('\n');
        synopsis(out);
        description(out);
        arguments(out);
        options(out);
        commands(out);
        footer(out);
        seeAlso(out);
        return out.toString();
    }

    private String summary() {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? spec.qualifiedName() : firstSentence(String.format(description[0]));
    }

    private static String firstSentence(String text) {
        String line = text.strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private void synopsis(StringBuilder out) {
        Help help = spec.commandLine().getHelp();
        String synopsis = help.detailedSynopsis(0, null, true).strip();
        out.append(".SH SYNOPSIS\n.nf\n").append(literal(synopsis)).append("\n.fi\n");
    }

    private void description(StringBuilder out) {
        String[] lines = spec.usageMessage().description();
        if (lines.length == 0) {
            return;
        }
        out.append(".SH DESCRIPTION\n");
        for (String line : lines) {
            out.append(".PP\n").append(text(String.format(line))).append('\n');
        }
    }

    private void arguments(StringBuilder out) {
        List<PositionalParamSpec> params = new ArrayList<>();
        spec.positionalParameters().stream().filter(p -> !p.hidden()).forEach(params::add);
        if (params.isEmpty()) {
            return;
        }
        out.append(".SH ARGUMENTS\n");
        for (PositionalParamSpec p : params) {
            out.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                    .append(text(String.join(" ", p.description()))).append('\n');
        }
    }

    private void options(StringBuilder out) {
        List<OptionSpec> options = visibleOptions(spec);
        if (options.isEmpty()) {
            return;
        }
        out.append(".SH OPTIONS\n");
        for (OptionSpec o : options) {
            out.append(".TP\n").append(optionHead(o)).append('\n')
                    .append(text(String.join(" ", o.description()))).append('\n');
        }
    }

    /** The options --help lists: the command's own and the inherited global ones, without hidden ones. */
    public static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static String optionHead(OptionSpec o) {
        StringBuilder head = new StringBuilder();
        for (String n : o.names()) {
            if (head.length() > 0) {
                head.append(", ");
            }
            head.append("\\fB").append(escape(n)).append("\\fR");
        }
        if (o.arity().max() > 0) {
            head.append(' ').append("\\fI").append(escape(o.paramLabel())).append("\\fR");
        }
        return head.toString();
    }

    private void commands(StringBuilder out) {
        var subs = spec.subcommands();
        if (subs.isEmpty()) {
            return;
        }
        out.append(".SH COMMANDS\n");
        subs.forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                out.append(".TP\n\\fB").append(escape(pageName(sub.getCommandSpec()))).append("\\fR(1)\n")
                        .append(escape(new ManPage(sub.getCommandSpec(), version, date).summary())).append('\n');
            }
        });
    }

    /** The --help footer (examples, exit codes) as it is: examples stay whole lines, as in --help. */
    private void footer(StringBuilder out) {
        String[] footer = spec.usageMessage().footer();
        if (footer.length == 0) {
            return;
        }
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String entry : footer) {
            String formatted = String.format(entry);
            for (String line : formatted.split("\n", -1)) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.endsWith(":") && !line.startsWith(" ")) {
                    flush(out, heading, body);
                    heading = line.substring(0, line.length() - 1);
                } else if (line.startsWith(" ")) {
                    literalLine(body, line.strip());
                } else {
                    if (line.startsWith("Exit codes:")) {
                        flush(out, heading, body);
                        heading = "Exit status";
                        line = line.substring("Exit codes:".length()).strip();
                    }
                    body.append(".PP\n").append(text(line)).append('\n');
                }
            }
        }
        flush(out, heading, body);
    }

    /** Examples: one unfilled block, indented, each line as it is (so it can be copied whole). */
    private static void literalLine(StringBuilder body, String line) {
        String end = "\n.fi\n.RE\n";
        if (body.length() >= end.length() && body.substring(body.length() - end.length()).equals(end)) {
            body.setLength(body.length() - end.length() + 1);
        } else {
            body.append(".PP\n.RS 4\n.nf\n");
        }
        body.append(literal(line)).append(end);
    }

    private static void flush(StringBuilder out, String heading, StringBuilder body) {
        if (body.length() == 0) {
            return;
        }
        out.append(".SH ").append(escape(heading == null ? "NOTES" : heading.toUpperCase(Locale.ROOT))).append('\n')
                .append(body);
        body.setLength(0);
    }

    private void seeAlso(StringBuilder out) {
        List<String> refs = new ArrayList<>();
        CommandLine parent = spec.commandLine().getParent();
        if (parent != null) {
            refs.add("\\fB" + escape(pageName(parent.getCommandSpec())) + "\\fR(1)");
        }
        if (parent != null && parent.getParent() != null) {
            refs.add("\\fBmodq\\fR(1)");
        }
        if (refs.isEmpty()) {
            return;
        }
        out.append(".SH SEE ALSO\n").append(String.join(", ", refs)).append('\n');
    }

    /** Running text: escaped, each line safe from being read as a request. */
    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.strip().split("\n")) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(protect(escape(line.strip())));
        }
        return out.toString();
    }

    /** A line shown as it is (synopsis, an example): escaped, no filling, a leading dot protected. */
    private static String literal(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(protect(escape(line)));
        }
        return out.toString();
    }

    private static String protect(String line) {
        return line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line;
    }

    /** Backslashes print as themselves, and hyphens as ASCII minus so options can be copied from the page. */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
