package dev.modq.core.rules;

import dev.modq.core.query.Query;

import java.util.Objects;

/**
 * An auto-moderation rule: when a pending comment matches {@code when} (the filter language), {@code then} acts on it.
 * Rules run in ascending {@code position}; a disabled rule never acts (but {@code rules test} can still try it).
 */
public record Rule(String name, int position, boolean enabled, Query when, RuleAction then) {

    public static final int MAX_NAME = 64;

    public Rule {
        requireName(name);
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        if (when.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " needs a non-empty 'when' query");
        }
        if (when.statuses().isPresent() || !when.withoutStatus().equals(when)) {
            throw new IllegalArgumentException("a rule's 'when' has no status term: rules act on pending comments"
                    + " (and `rules test` tries them on decided ones)");
        }
    }

    public Rule withPosition(int p) {
        return new Rule(name, p, enabled, when, then);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(name, position, on, when, then);
    }

    /** Letters, digits, '_', '-' and '.', 1 to 64 of them. */
    public static String requireName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad rule name '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
                    + "': use 1 to " + MAX_NAME + " letters, digits, '_', '-' or '.'");
        }
        return name;
    }

    /** Builds a rule from stored columns. */
    public static Rule stored(String name, int position, boolean enabled, String when, String kind, String reason,
                              Integer delta) {
        return new Rule(name, position, enabled, Query.parse(when), RuleAction.of(kind, reason, delta));
    }

    /** Parses an action as written after {@code then}. */
    public static RuleAction action(String text) {
        return RuleAction.parse(text);
    }
}
