package dev.modq.core.rules;

import dev.modq.core.Decision;
import dev.modq.core.Reasons;

import java.util.Locale;
import java.util.Optional;

/** What a rule does to a pending comment it matches: {@code approve}, {@code reject REASON}, {@code flag}, {@code hold}, {@code score +N}. */
public sealed interface RuleAction {

    /** Largest score adjustment, either way: the score runs from 0 to 100. */
    int MAX_DELTA = 100;

    /** The action as written after {@code then}. */
    String print();

    /** The stored action word: approve, reject, flag, hold or score. */
    String kind();

    /** The decision it takes, for approve, reject and flag. */
    default Optional<Decision> decision() {
        return Optional.empty();
    }

    record Approve() implements RuleAction {
        public String print() {
            return "approve";
        }

        public String kind() {
            return "approve";
        }

        @Override
        public Optional<Decision> decision() {
            return Optional.of(Decision.APPROVE);
        }
    }

    /** Reject with a reason (spam, abuse...): the reason is what the comment carries, and what the score learns from. */
    record Reject(String reason) implements RuleAction {
        public Reject {
            reason = Reasons.normalise(reason);
            if (reason == null || reason.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("reject needs a one-word reason, e.g. 'reject spam'");
            }
        }

        public String print() {
            return "reject " + reason;
        }

        public String kind() {
            return "reject";
        }

        @Override
        public Optional<Decision> decision() {
            return Optional.of(Decision.REJECT);
        }
    }

    record Flag() implements RuleAction {
        public String print() {
            return "flag";
        }

        public String kind() {
            return "flag";
        }

        @Override
        public Optional<Decision> decision() {
            return Optional.of(Decision.FLAG);
        }
    }

    /** Leave the comment pending for a person, marked as held (and by which rule). */
    record Hold() implements RuleAction {
        public String print() {
            return "hold";
        }

        public String kind() {
            return "hold";
        }
    }

    /** Add {@code delta} points to the comment's spam score (clamped to 0..100) before its band is read. */
    record Score(int delta) implements RuleAction {
        public Score {
            if (delta == 0 || Math.abs(delta) > MAX_DELTA) {
                throw new IllegalArgumentException("score needs +N or -N with N from 1 to " + MAX_DELTA);
            }
        }

        public String print() {
            return "score " + (delta > 0 ? "+" : "") + delta;
        }

        public String kind() {
            return "score";
        }
    }

    /** Parses {@code approve}, {@code reject spam}, {@code flag}, {@code hold}, {@code score +20}, {@code score -5}. */
    static RuleAction parse(String text) {
        String[] words = text.strip().split("\\s+");
        String verb = words[0].toLowerCase(Locale.ROOT);
        int args = words.length - 1;
        switch (verb) {
            case "approve", "flag", "hold" -> {
                if (args != 0) {
                    throw new IllegalArgumentException("'" + verb + "' takes nothing after it");
                }
                return verb.equals("approve") ? new Approve() : verb.equals("flag") ? new Flag() : new Hold();
            }
            case "reject" -> {
                if (args != 1) {
                    throw new IllegalArgumentException("reject needs one reason word, e.g. 'reject spam'");
                }
                return new Reject(words[1]);
            }
            case "score" -> {
                if (args != 1 || !words[1].matches("[+-][0-9]{1,3}")) {
                    throw new IllegalArgumentException("score needs a signed number, e.g. 'score +20' or 'score -10'");
                }
                return new Score(Integer.parseInt(words[1]));
            }
            default -> throw new IllegalArgumentException("unknown action '" + verb
                    + "': expected approve, reject REASON, flag, hold or score +N/-N");
        }
    }

    /** From the stored columns. */
    static RuleAction of(String kind, String reason, Integer delta) {
        return switch (kind) {
            case "approve" -> new Approve();
            case "reject" -> new Reject(reason);
            case "flag" -> new Flag();
            case "hold" -> new Hold();
            case "score" -> new Score(delta);
            default -> throw new IllegalArgumentException("unknown stored rule action '" + kind + "'");
        };
    }
}
