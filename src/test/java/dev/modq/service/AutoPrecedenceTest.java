package dev.modq.service;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.rules.Rule;
import dev.modq.core.score.Band;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The precedence of `modq auto` for one comment: score rules add up, first removal, first other rule, outer bands. */
class AutoPrecedenceTest {

    /** Likely spam above 85, likely ham below 15. */
    private static final SpamScores BANDS = new SpamScores() {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public Band band(int score) {
            return score > 85 ? Band.LIKELY_SPAM : score < 15 ? Band.LIKELY_HAM : Band.UNSURE;
        }
    };

    private static final AutoModerator AUTO = new AutoModerator(null, null, "os", Clock.systemUTC(), BANDS);

    private static Rule rule(String name, String then) {
        return new Rule(name, 0, true, Query.parse("links:>0"), Rule.action(then));
    }

    private static final List<Rule> RULES = List.of(rule("trust", "approve"), rule("boost", "score +10"),
            rule("held", "hold"), rule("spam", "reject spam"), rule("abuse", "reject abuse"), rule("calm", "score -20"));

    /** Comment 1 matches the rules at these indexes. */
    private static AutoModerator.Action decide(Integer score, int... matching) {
        List<Set<Long>> matches = new java.util.ArrayList<>();
        for (int i = 0; i < RULES.size(); i++) {
            final int index = i;
            matches.add(java.util.Arrays.stream(matching).anyMatch(m -> m == index) ? Set.of(1L) : Set.of());
        }
        return AUTO.decide(1, RULES, matches, score);
    }

    @Test
    void theFirstRejectRuleWinsOverEarlierApproveAndHoldRules() {
        assertEquals(new AutoModerator.Action(1, Status.REJECTED, false, "rule spam", "spam"), decide(3, 0, 2, 3, 4));
        assertEquals(new AutoModerator.Action(1, Status.REJECTED, false, "rule abuse", "abuse"), decide(null, 0, 4));
    }

    @Test
    void withoutARemovalTheFirstOtherRuleInOrderWins() {
        assertEquals(new AutoModerator.Action(1, Status.APPROVED, false, "rule trust", null), decide(99, 0, 2));
        assertEquals(new AutoModerator.Action(1, Status.PENDING, true, "rule held", null), decide(99, 2));
    }

    @Test
    void scoreRulesMoveTheScoreBeforeItsBandIsRead() {
        assertNull(decide(80), "80 is unsure");
        assertEquals(new AutoModerator.Action(1, Status.REJECTED, false, "score 90", "spam"), decide(80, 1));
        assertEquals(new AutoModerator.Action(1, Status.APPROVED, false, "score 0", null), decide(10, 5));
        assertNull(decide(95, 1, 5), "95 + 10 - 20 = 85: not above 85");
        assertEquals(new AutoModerator.Action(1, Status.REJECTED, false, "score 100", "spam"), decide(95, 1, 1 + 0));
    }

    @Test
    void anUnscoredCommentOrAModelNotReadyIsLeftToPeople() {
        assertNull(decide(null, 1));
        AutoModerator notReady = new AutoModerator(null, null, "os", Clock.systemUTC(), SpamScores.NONE);
        assertNull(notReady.decide(1, List.of(), List.of(), 99));
    }
}
