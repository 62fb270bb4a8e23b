package dev.modq.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The footer of every --help: prose wraps at the help width, but each example (an indented line under
 * "Examples:") is printed whole on its own line, however long, so it can be copied and pasted as it is.
 * picocli would wrap it at 80 columns mid-command.
 */
final class HelpFooter implements IHelpSectionRenderer {

    private static final String EXAMPLES = "Examples:";
    private static final String EXAMPLE_INDENT = "  ";

    private HelpFooter() {
    }

    static void install(CommandSpec spec) {
        spec.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, new HelpFooter());
    }

    @Override
    public String render(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        StringBuilder out = new StringBuilder();
        boolean inExamples = false;
        for (String entry : usage.footer()) {
            for (String line : String.format(entry).split("\\R", -1)) {
                inExamples = line.equals(EXAMPLES) || (inExamples && line.startsWith(EXAMPLE_INDENT));
                if (inExamples) {
                    out.append(line).append(System.lineSeparator());
                } else {
                    wrap(line, usage.width(), out);
                }
            }
        }
        return out.toString();
    }

    /** Words onto lines of at most {@code width} columns (a longer word gets a line of its own). */
    static void wrap(String prose, int width, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (String word : prose.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append(System.lineSeparator());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.append(line).append(System.lineSeparator());
    }
}
