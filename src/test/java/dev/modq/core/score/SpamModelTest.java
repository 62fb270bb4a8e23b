package dev.modq.core.score;

import dev.modq.core.AuthorHistory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamModelTest {

    private static final AuthorHistory NEW = new AuthorHistory(0, 0, 0, 0);

    private static ScoreInput text(String body) {
        return new ScoreInput(body, "someone", null, false, NEW, 0);
    }

    /** A model that has learned 150 ham about the council and 100 spam about crypto with links. */
    private static CountTable trained() {
        CountTable t = new CountTable();
        for (int i = 0; i < 150; i++) {
            t.learn(Features.of(new ScoreInput("The council vote on the budget " + (i % 9) + " was close, I think",
                    "reader" + i, null, false, new AuthorHistory(3, 0, 0, 0), 0)), false, 1);
        }
        for (int i = 0; i < 100; i++) {
            t.learn(Features.of(text("Earn crypto fast!!! visit https://seo-links.invalid/p/" + i + " now")), true, 1);
        }
        return t;
    }

    @Test
    void theExplanationAddsUpToTheScore() {
        CountTable t = trained();
        for (String body : List.of("Earn crypto at https://seo-links.invalid today", "The council vote was close",
                "crypto council budget", "nothing known here at all", "crypto vote", "fast budget now")) {
            Score s = SpamModel.score(Features.of(text(body)), t, t.hamLearned(), t.spamLearned());
            double sum = s.prior() + s.contributions().stream().mapToDouble(Contribution::weight).sum();
            double p = s.probability();
            assertEquals(s.logOdds(), sum, 1e-12, body);
            if (p > 1e-9 && p < 1 - 1e-9) {  // beyond that the logit of a double is no longer exact
                assertEquals(Math.log(p / (1 - p)), sum, 1e-6, body);
            }
            assertEquals(Math.round(100 * p), s.value(), body);
        }
    }

    @Test
    void theShownLinesAreTheBiggestContributions() {
        CountTable t = trained();
        Score s = SpamModel.score(Features.of(text("Earn crypto fast at https://seo-links.invalid today")),
                t, t.hamLearned(), t.spamLearned());
        List<Contribution> top = s.top(3);
        double smallestShown = top.stream().mapToDouble(c -> Math.abs(c.weight())).min().orElseThrow();
        for (Contribution c : s.contributions().subList(3, s.contributions().size())) {
            assertTrue(Math.abs(c.weight()) <= smallestShown, c + " is bigger than a shown one");
        }
        String lines = top.stream().map(Contribution::line).collect(Collectors.joining("\n"));
        assertTrue(s.value() > 85, "spam scores high: " + s.value() + "\n" + lines);
        assertTrue(lines.matches("(?s)\\+\\d+\\.\\d .*"), lines);
    }

    @Test
    void hamScoresLowAndSaysWhy() {
        CountTable t = trained();
        Score s = SpamModel.score(Features.of(new ScoreInput("I think the council vote was close", "reader",
                null, false, new AuthorHistory(3, 0, 0, 0), 0)), t, t.hamLearned(), t.spamLearned());
        assertTrue(s.value() < 15, "ham scores low: " + s.value());
        assertTrue(s.top(5).stream().anyMatch(c -> c.line().equals(String.format(java.util.Locale.ROOT, "%+.1f author has 3"
                + " approved comments", c.weight()))), s.top(5).toString());
    }

    @Test
    void thresholdsSplitTheBands() {
        Thresholds t = new Thresholds(15, 85);
        assertEquals(Band.LIKELY_HAM, t.band(0));
        assertEquals(Band.LIKELY_HAM, t.band(14));
        assertEquals(Band.UNSURE, t.band(15));
        assertEquals(Band.UNSURE, t.band(85));
        assertEquals(Band.LIKELY_SPAM, t.band(86));
        assertEquals(Band.LIKELY_SPAM, t.band(100));
        assertEquals(Band.NOT_READY, t.band(-1));
        assertEquals(Band.LIKELY_SPAM, new Thresholds(50, 49).band(50), "no unsure band at all");
        assertEquals(Band.LIKELY_HAM, new Thresholds(50, 49).band(49));
    }

    @Test
    void aModelUnder200DecisionsIsNotReady() {
        ModelState s = ModelState.empty().withCounts(150, 49);
        assertFalse(s.isReady());
        assertTrue(s.withCounts(150, 50).isReady());
        assertEquals(Band.NOT_READY, Scored.notReady().band());
        assertEquals(List.of(), Scored.notReady().why(3));
    }

    @Test
    void chineseAndJapaneseTextBecomesCharacterBigrams() {
        List<String> keys = Features.of(text("这篇文章 好")).stream().map(Feature::key).toList();
        assertTrue(keys.containsAll(List.of("w:这篇", "w:篇文", "w:文章", "w:好")), keys.toString());
        assertFalse(keys.contains("w:这篇文章"), keys.toString());
        List<String> ja = Features.of(text("ありがとう Thanks")).stream().map(Feature::key).toList();
        assertTrue(ja.containsAll(List.of("w:あり", "w:りが", "w:thanks")), ja.toString());
    }

    @Test
    void wordsLinksAndContextBecomeFeatures() {
        List<String> keys = Features.of(new ScoreInput("<a href=\"https://www.Seo-Links.invalid/x\">CHEAP</a> pills",
                "Casino Bonus", "http://casino.example/", false, NEW, 3)).stream().map(Feature::key).toList();
        assertTrue(keys.containsAll(List.of("w:cheap", "w:pills", "d:seo-links.invalid", "links:1", "h:first",
                "u:casino.example", "a:casino", "r:2-4")), keys.toString());
        assertFalse(keys.contains("w:href"), "tags are skipped: " + keys);
    }

    @Test
    void aHostileMegabyteIsBoundedAndQuick() {
        StringBuilder big = new StringBuilder();
        while (big.length() < 1 << 20) {
            big.append("a://b.c www.").append(big.length()).append(" <a ").append("x".repeat(40)).append('中');
        }
        String hostile = big.toString();
        String angles = "<".repeat(1 << 20);
        String one = "a".repeat(1 << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String s : List.of(hostile, angles, one)) {
                List<Feature> f = Features.of(text(s));
                assertTrue(f.size() <= Features.MAX_FEATURES, "at most " + Features.MAX_FEATURES + ": " + f.size());
                Fingerprint.of(s);
            }
        });
    }

    @Test
    void learningAndUnlearningCancel() {
        CountTable t = trained();
        List<Feature> f = Features.of(text("Earn crypto fast!!! visit https://seo-links.invalid/p/x now"));
        int b = f.get(0).bucket();
        int before = t.spam(b);
        t.learn(f, true, 1);
        t.learn(f, true, -1);
        assertEquals(before, t.spam(b));
        assertEquals(100, t.spamLearned());
    }
}
