package dev.modq.core.rules;

import dev.modq.core.query.Query;
import dev.modq.core.query.QueryException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The readable text form of rules, used by {@code rules edit}, {@code export} and {@code import}: one block per rule,
 * in the order they run; lines starting with {@code #} are comments.
 * <pre>
 * rule casino
 *   when text:/casino|viagra/i links:>1
 *   then reject spam
 *
 * rule trusted
 *   enabled no
 *   when author.approved:>=3
 *   then approve
 * </pre>
 * Parsing is all or nothing: the first problem is reported as {@code file:line:column: what}.
 */
public final class RuleText {

    public static final String HEADER = """
            # modq rules: one block per rule, in the order they run (the first removal wins; see `modq rules --help`).
            #   rule NAME        letters, digits, '_', '-', '.'
            #   enabled no       optional: the rule is kept but does not act
            #   when QUERY       the filter language of --where (docs/query-language.md), on one line
            #   then ACTION      approve | reject REASON | flag | hold | score +N | score -N
            # Lines starting with # are comments. Saving a file that does not parse changes nothing.
            """;

    private RuleText() {
    }

    public static String print(List<Rule> rules) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Rule rule : rules) {
            out.append('\n').append("rule ").append(rule.name()).append('\n');
            if (!rule.enabled()) {
                out.append("  enabled no\n");
            }
            out.append("  when ").append(rule.when().print()).append('\n');
            out.append("  then ").append(rule.then().print()).append('\n');
        }
        return out.toString();
    }

    /** The rules of a file, positions 1, 2, 3... in file order. */
    public static List<Rule> parse(String file, String text) {
        return new Parser(file).parse(text);
    }

    private static final class Parser {
        private final String file;
        private final List<Rule> rules = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private String name;
        private int nameLine;
        private Boolean enabled;
        private Query when;
        private RuleAction then;
        private int whenLine;
        private int whenColumn;

        Parser(String file) {
            this.file = file;
        }

        List<Rule> parse(String text) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i]);
            }
            finish(lines.length);
            return rules;
        }

        private void line(int no, String line) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                return;
            }
            int indent = line.indexOf(stripped.charAt(0));
            int space = firstSpace(stripped);
            String key = (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : stripped.substring(space).strip();
            int restColumn = space < 0 ? indent + stripped.length() + 1 : line.indexOf(rest, indent + space) + 1;
            switch (key) {
                case "rule" -> startRule(no, rest, restColumn);
                case "enabled" -> enabled = yesNo(no, rest, restColumn, indent);
                case "when" -> {
                    when = query(no, rest, restColumn, indent);
                    whenLine = no;
                    whenColumn = restColumn;
                }
                case "then" -> then = action(no, rest, restColumn, indent);
                default -> throw error(no, indent + 1, "unknown keyword '" + clip(key)
                        + "': expected rule, enabled, when or then");
            }
        }

        private void startRule(int no, String rest, int column) {
            finish(no - 1);
            try {
                Rule.requireName(rest);
            } catch (IllegalArgumentException e) {
                throw error(no, column, e.getMessage());
            }
            if (!names.add(rest.toLowerCase(Locale.ROOT))) {
                throw error(no, column, "a second rule named '" + rest + "': names must differ");
            }
            name = rest;
            nameLine = no;
        }

        private Boolean yesNo(int no, String rest, int column, int indent) {
            requireBlock(no, indent, "enabled");
            return switch (rest.toLowerCase(Locale.ROOT)) {
                case "yes", "on", "true" -> true;
                case "no", "off", "false" -> false;
                default -> throw error(no, column, "expected yes or no after 'enabled'");
            };
        }

        private Query query(int no, String rest, int column, int indent) {
            requireBlock(no, indent, "when");
            if (when != null) {
                throw error(no, indent + 1, "a second 'when' in rule " + name + ": put every term on one line");
            }
            if (rest.isEmpty()) {
                throw error(no, column, "expected a query after 'when'");
            }
            try {
                return Query.parse(rest);
            } catch (QueryException e) {
                String message = e.getMessage().replaceFirst(" at column \\d+", "");
                throw error(no, column + e.position(), message);
            }
        }

        private RuleAction action(int no, String rest, int column, int indent) {
            requireBlock(no, indent, "then");
            if (then != null) {
                throw error(no, indent + 1, "a second 'then' in rule " + name + ": a rule has one action");
            }
            if (rest.isEmpty()) {
                throw error(no, column, "expected approve, reject REASON, flag, hold or score +N after 'then'");
            }
            try {
                return RuleAction.parse(rest);
            } catch (IllegalArgumentException e) {
                throw error(no, column, e.getMessage());
            }
        }

        private void requireBlock(int no, int indent, String key) {
            if (name == null) {
                throw error(no, indent + 1, "'" + key + "' before any 'rule NAME' line");
            }
        }

        private void finish(int lastLine) {
            if (name == null) {
                return;
            }
            if (when == null || then == null) {
                throw error(nameLine, 1, "rule " + name + " has no '" + (when == null ? "when" : "then") + "' line");
            }
            try {
                rules.add(new Rule(name, rules.size() + 1, enabled == null || enabled, when, then));
            } catch (IllegalArgumentException e) {
                throw error(whenLine, whenColumn, e.getMessage());
            }
            name = null;
            enabled = null;
            when = null;
            then = null;
        }

        private RuleFileException error(int line, int column, String problem) {
            return new RuleFileException(file, line, column, problem);
        }

        private static int firstSpace(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private static String clip(String s) {
            String shown = s.replaceAll("\\p{Cntrl}", "?");
            return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
        }
    }
}
