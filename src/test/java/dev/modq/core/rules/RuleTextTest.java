package dev.modq.core.rules;

import dev.modq.core.query.Query;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readable text form of rules: round trip, and refusals that say file:line:column. */
class RuleTextTest {

    private static final String FILE = """
            # our rules
            rule casino
              when text:/casino|viagra/i links:>1
              then reject spam

            rule trusted   
              enabled no
              # comments inside a block too
              when author.approved:>=3
              then approve

            rule boost
              when text:@banned
              then score +20
            """;

    @Test
    void parsesBlocksInOrderAndPrintsThemBack() {
        List<Rule> rules = RuleText.parse("r.txt", FILE);
        assertEquals(List.of("casino", "trusted", "boost"), rules.stream().map(Rule::name).toList());
        assertEquals(new Rule("casino", 1, true, Query.parse("text:/casino|viagra/i links:>1"),
                new RuleAction.Reject("spam")), rules.get(0));
        assertFalse(rules.get(1).enabled());
        assertEquals(new RuleAction.Score(20), rules.get(2).then());
        assertEquals(rules, RuleText.parse("again", RuleText.print(rules)));
    }

    @Test
    void aBadQuerySaysFileLineAndColumnOfTheTerm() {
        String text = "rule a\n  when text:/x/ bogus:1\n  then approve\n";
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleText.parse("rules.txt", text));
        assertTrue(e.getMessage().startsWith("rules.txt:2:17: unknown key 'bogus': expected one of"), e.getMessage());
    }

    @Test
    void otherMistakesAreRefusedWithTheirPlace() {
        assertError("rules.txt:2:8: unknown action 'remove'", "rule a\n  then remove\n  when links:>1\n");
        assertError("rules.txt:1:1: rule a has no 'then' line", "rule a\n  when links:>1\n\nrule b\n");
        assertError("rules.txt:1:1: 'when' before any 'rule NAME' line", "when links:>1\n");
        assertError("rules.txt:4:6: a second rule named 'A'", "rule a\n when id:1\n then flag\nrule A\n when id:2\n then flag\n");
        assertError("rules.txt:2:3: unknown keyword 'wen'", "rule a\n  wen links:>1\n");
        assertError("rules.txt:3:8: score needs a signed number", "rule a\n  when id:1\n  then score 20\n");
        assertError("rules.txt:1:6: bad rule name 'a b'", "rule a b\n");
    }

    @Test
    void aRuleActsOnPendingCommentsSoItsWhenHasNoStatus() {
        assertError("f:2:8: a rule's 'when' has no status term", "rule a\n  when status:all links:>1\n  then flag\n");
    }

    private static void assertError(String start, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleText.parse(start.substring(0,
                start.indexOf(':')), text));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
