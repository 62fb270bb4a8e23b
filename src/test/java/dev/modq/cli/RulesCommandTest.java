package dev.modq.cli;

import dev.modq.core.Role;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, rules: stored and audited rules, word lists, `rules test` on history, and `modq auto` as one batch; on
 * every backend (PostgreSQL matches the regular expressions and word lists in Java, as SQLite does in its SQL).
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class RulesCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    @AfterEach
    void noEditor() {
        System.clearProperty(RulesEditCommand.EDITOR_PROPERTY);
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.code(), r.toString());
    }

    /** The small fixture decided: 1 approved, 2 rejected spam, 3 rejected abuse, 4 approved, 5 flagged; 6 pending. */
    private CliFixture decidedHistory() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("UPDATE comments SET status = 'approved' WHERE id = 1",
                "UPDATE comments SET status = 'rejected', reason = 'spam' WHERE id = 2",
                "UPDATE comments SET status = 'rejected', reason = 'abuse' WHERE id = 3");
        return fx;
    }

    @Test
    void aRuleTestOnAKnownHistoryGivesExactCounts() {
        CliFixture fx = decidedHistory();
        ok(fx.run("rules", "add", "bob", "--when", "author:bob", "--then", "reject spam"));
        ok(fx.run("rules", "add", "buy", "--when", "text:/buy|great/i", "--then", "reject spam"));
        ok(fx.run("rules", "add", "eve", "--when", "author:eve", "--then", "flag"));
        ok(fx.run("rules", "add", "trust", "--when", "author.approved:>=1", "--then", "approve", "--disabled"));
        CliRun r = fx.run("rules", "test");
        ok(r);
        assertTrue(r.out().contains("rule bob (reject spam)\n  when author:bob\n  matched 1, agreed 1 (100.0%), disagreed 0\n"),
                r.out());
        assertTrue(r.out().contains("rule buy (reject spam)\n  when text:/buy|great/i\n"
                + "  matched 2, agreed 1 (50.0%), disagreed 1\n"
                + "    #1 would reject spam; was approved by import: Great piece, thanks.\n"), r.out());
        assertTrue(r.out().contains("rule eve (flag)\n  when author:eve\n  matched 1, agreed 1 (100.0%), disagreed 0\n"),
                "flag agrees with a rejection: " + r.out());
        // bob's 2 and 6 have each other (2 rejected, 6 pending): no approved sibling; carol (4) and Alice (1) none
        assertTrue(r.out().contains("rule trust (approve, disabled)\n  when author.approved:>=1\n"
                + "  matched 0, agreed 0, disagreed 0\n"), r.out());
        CliRun one = fx.run("rules", "test", "buy", "--format", "json");
        ok(one);
        assertTrue(one.out().contains("\"rule\":\"buy\"") && one.out().contains("\"matched\":2,\"agreed\":1,\"disagreed\":1")
                && one.out().contains("\"moderator_did\":\"approved\""), one.out());
    }

    /** Pending 1, 2, 3, 6. Rule order: hold links, approve bob, reject buy: comment 2 matches all three. */
    private CliFixture withRules() {
        CliFixture fx = CliFixture.small(backend, dir);
        ok(fx.run("rules", "add", "links", "--when", "links:>2", "--then", "hold"));
        ok(fx.run("rules", "add", "bob", "--when", "author:bob", "--then", "approve"));
        ok(fx.run("rules", "add", "buy", "--when", "text:/buy\\snow/i", "--then", "reject spam"));
        return fx;
    }

    @Test
    void theFirstRemovalWinsThenTheFirstOtherRuleInOrder() {
        CliFixture fx = withRules();
        CliRun r = fx.run("auto");
        ok(r);
        assertEquals("1|pending|\n2|rejected|spam\n3|pending|\n4|approved|\n5|flagged|\n6|approved|\n",
                fx.queryText("SELECT id, status, coalesce(reason, '') FROM comments ORDER BY id"));
        assertEquals("2|reject|rule buy\n6|approve|rule bob\n",
                fx.queryText("SELECT comment_id, action, note FROM audit_log WHERE moderator = 'auto' ORDER BY comment_id"));
        assertTrue(r.err().startsWith("modq: auto: approved 1, rejected 1 (rule bob 1, rule buy 1) of 4 pending examined"),
                r.err());
    }

    @Test
    void aHoldLeavesTheCommentPendingButMarked() {
        CliFixture fx = CliFixture.small(backend, dir);
        ok(fx.run("rules", "add", "links", "--when", "links:>2", "--then", "hold"));
        ok(fx.run("rules", "add", "bob", "--when", "author:bob", "--then", "approve"));
        ok(fx.run("auto"));
        assertEquals("pending", fx.status(2), "the first matching non-removal rule (hold) wins over the later approve");
        assertEquals("2|links\n", fx.queryText("SELECT comment_id, rule FROM comment_holds"));
        assertEquals("approved", fx.status(6));
        CliRun show = fx.run("show", "2", "--format", "json");
        assertTrue(show.out().replace(" ", "").contains("\"held_by\":\"links\""), show.out());
        ok(fx.run("auto"));
        assertEquals(1, fx.scalar("SELECT count(*) FROM audit_log WHERE action = 'hold'"), "held once, not every run");
        ok(fx.run("approve", "2"));
        assertEquals(0, fx.scalar("SELECT count(*) FROM comment_holds"), "deciding clears the mark");
    }

    @Test
    void autoIsOneUndoableBatchAndUndoRestoresEverything() {
        CliFixture fx = withRules();
        String before = fx.queryText("SELECT id, status, coalesce(reason, '') FROM comments ORDER BY id");
        ok(fx.run("rules", "add", "alice", "--when", "author:alice", "--then", "hold", "--position", "1"));
        ok(fx.run("auto"));
        assertEquals(1, fx.scalar("SELECT count(DISTINCT batch_id) FROM audit_log WHERE moderator = 'auto'"));
        assertEquals("auto|auto|3\n", fx.queryText("SELECT moderator, action, size FROM batches"));
        String batch = fx.queryText("SELECT id FROM batches").trim();
        fx.addModerator("mo", Role.MODERATOR);
        CliRun undo = fx.run("--as", "mo", "undo", batch);
        ok(undo);
        assertEquals(before, fx.queryText("SELECT id, status, coalesce(reason, '') FROM comments ORDER BY id"));
        assertEquals(0, fx.scalar("SELECT count(*) FROM comment_holds"), "the run's holds go with it");
        ok(fx.run("log", "--verify"));
        CliRun check = fx.run("check");
        assertEquals(0, check.code(), check.out());
        CliRun stats = fx.run("rules", "stats");
        assertTrue(stats.out().contains("rule buy"), stats.out());
    }

    @Test
    void aDryRunPrintsTheDecisionsAndChangesNothing() {
        CliFixture fx = withRules();
        String before = fx.state();
        CliRun r = fx.run("auto", "--dry-run");
        ok(r);
        assertEquals("2 pending -> rejected (rule buy)\n6 pending -> approved (rule bob)\n", r.out());
        assertEquals(before, fx.state());
        assertEquals(0, fx.scalar("SELECT count(*) FROM comment_holds"));
    }

    @Test
    void aRuleFileThatDoesNotParseIsRefusedWithFileAndLineAndNothingChanges() throws Exception {
        CliFixture fx = withRules();
        String before = fx.queryText("SELECT * FROM rules ORDER BY name") + fx.scalar("SELECT count(*) FROM audit_log");
        Path bad = dir.resolve("bad.rules");
        Files.writeString(bad, "rule ok\n  when links:>1\n  then flag\n\nrule broken\n  when text:@nosuch author:\n  then flag\n");
        CliRun r = fx.run("rules", "import", "--replace", bad.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("modq: " + bad + ":6:28: expected a value after 'author:' — nothing changed\n", r.err());
        assertEquals(before, fx.queryText("SELECT * FROM rules ORDER BY name") + fx.scalar("SELECT count(*) FROM audit_log"));

        System.setProperty(RulesEditCommand.EDITOR_PROPERTY, "cp " + bad);
        CliRun edit = fx.run("rules", "edit");
        assertEquals(2, edit.code(), edit.toString());
        assertTrue(edit.err().matches("(?s)modq: \\S+modq-rules-\\S+\\.txt:6:28: expected a value after 'author:'"
                + " — nothing changed \\(your text is kept in .*"), edit.err());
        assertEquals(before, fx.queryText("SELECT * FROM rules ORDER BY name") + fx.scalar("SELECT count(*) FROM audit_log"));
    }

    @Test
    void editAndImportReplaceTheRulesAndEveryChangeIsAudited() throws Exception {
        CliFixture fx = withRules();
        Path good = dir.resolve("good.rules");
        Files.writeString(good, "rule buy\n  when text:/buy\\snow/i\n  then reject spam\n\nrule bob\n  enabled no\n"
                + "  when author:bob\n  then approve\n");
        System.setProperty(RulesEditCommand.EDITOR_PROPERTY, "cp " + good);
        ok(fx.run("rules", "edit"));
        assertEquals("1|buy|1\n2|bob|0\n", fx.queryText("SELECT position, name, enabled FROM rules ORDER BY position"));
        CliRun exported = fx.run("rules", "export");
        assertTrue(exported.out().endsWith("rule buy\n  when text:/buy\\snow/i\n  then reject spam\n\nrule bob\n  enabled no\n"
                + "  when author:bob\n  then approve\n"), exported.out());
        ok(fx.run("rules", "enable", "bob"));
        ok(fx.run("lists", "add", "banned", "casino", "Free Money"));
        ok(fx.run("lists", "remove", "banned", "casino"));
        ok(fx.run("rules", "remove", "bob"));
        assertEquals("rule_add\nrule_add\nrule_add\nrule_remove\nrule_edit\nrule_edit\nrule_enable\nwords_add\nwords_remove\nrule_remove\n",
                fx.queryText("SELECT action FROM audit_log ORDER BY id"));
        ok(fx.run("log", "--verify"));
        CliRun log = fx.run("log", "--format", "json");
        assertTrue(log.out().contains("\"subject\":\"rule:bob\""), log.out());
    }

    @Test
    void onlyAdminsChangeRulesButEveryModeratorListsAndTests() {
        CliFixture fx = withRules();
        fx.addModerator("mo", Role.MODERATOR);
        CliRun r = fx.run("--as", "mo", "rules", "add", "x", "--when", "links:>5", "--then", "flag");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("mo is a moderator"), r.err());
        assertEquals(1, fx.run("--as", "mo", "lists", "add", "banned", "x").code());
        ok(fx.run("--as", "mo", "rules", "list"));
        ok(fx.run("--as", "mo", "rules", "test"));
    }

    @Test
    void anUnknownListIsOneClearLineAndExit2() {
        CliFixture fx = CliFixture.small(backend, dir);
        CliRun r = fx.run("count", "--where", "text:@banned");
        assertEquals(2, r.code(), r.toString());
        assertEquals("modq: unknown word list 'banned': see `modq lists show`, or create it with"
                + " `modq lists add banned WORD...`\n", r.err());
        CliRun list = fx.run("list", "--where", "text:@banned");
        assertEquals(2, list.code());
        assertEquals("", list.out(), "no table header before the error");
        CliRun add = fx.run("rules", "add", "x", "--when", "text:@banned", "--then", "flag");
        assertEquals(2, add.code(), add.toString());
        assertEquals(0, fx.scalar("SELECT count(*) FROM rules"));
    }

    @Test
    void wordListsMatchWholeWordsThroughTheQueryLanguage() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("UPDATE comments SET body = 'my new smartwatch' WHERE id = 1",
                "UPDATE comments SET body = 'you TWAT!' WHERE id = 3");
        ok(fx.run("lists", "add", "banned", "twat"));
        CliRun r = fx.run("list", "--where", "text:@banned", "--format", "ids");
        ok(r);
        assertEquals("3\n", r.out());
        CliRun not = fx.run("count", "--where", "-text:@banned");
        assertEquals("3\n", not.out(), "pending 1, 2, 6: the complement, exactly");
    }

    @Test
    void everyCommandThatTakesAQuerySelectsTheSameCommentsByRegexAndList() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("UPDATE comments SET body = 'my new smartwatch' WHERE id = 1",
                "UPDATE comments SET body = 'you TWAT! http://a.example' WHERE id = 3",
                "UPDATE comments SET body = 'twat, twice' WHERE id = 4");
        ok(fx.run("lists", "add", "banned", "twat"));
        String where = "text:@banned -author:/^carol$/ status:all";
        assertEquals("3\n", fx.run("list", "--where", where, "--format", "ids").out());
        assertEquals("1\n", fx.run("count", "--where", where).out());
        assertEquals("1\n", fx.run("count", "--where", "status:all text:/TWAT|buy/").out(), "3 only: 'Buy' is not 'buy'");
        assertEquals("4\n", fx.run("count", "--where", "status:all text:/TWAT|buy/i").out(),
                "1 (smartwatch: a regex finds substrings, a list whole words), 2 (Buy), 3 and 4");
        CliRun exported = fx.run("export", "--where", "status:all author:/^(bob|carol)$/i -text:/second/i");
        ok(exported);
        assertEquals(2, exported.out().lines().count(), "bob's 2 and carol's 4: " + exported.out());
        CliRun dry = fx.run("reject", "--where", "text:/^(you|Buy)\\b/ -text:@banned", "--dry-run");
        ok(dry);
        assertEquals("2 pending -> rejected\n", dry.out());
        ok(fx.run("reject", "--where", where, "--reason", "abuse", "--yes"));
        assertEquals("rejected", fx.status(3));
        assertEquals("approved", fx.status(4));
    }

    @Test
    void aHostileRegexAgainstFiftyThousandAsReturnsAtOnce() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("UPDATE comments SET body = '" + "a".repeat(50_000) + "!' WHERE id = 1");
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fx.run("count", "--where", "text:/(a+)+$/"));
        ok(r);
        assertEquals("0\n", r.out());
        CliRun refused = fx.run("count", "--where", "text:/(a)\\1/");
        assertEquals(2, refused.code());
        assertFalse(refused.err().contains("\n\n"));
        assertTrue(refused.err().startsWith("modq: --where: regular expression refused by RE2"), refused.err());
    }

    @Test
    void authorCountsCountTheAuthorsOtherDecidedComments() {
        CliFixture fx = decidedHistory();
        // bob: 2 rejected, 6 pending; by e-mail bob@example.org
        CliRun r = fx.run("list", "--where", "author.rejected:>=1", "--format", "ids");
        ok(r);
        assertEquals("6\n", r.out());
        assertEquals("0\n", fx.run("count", "--where", "author.approved:>=1").out());
    }
}
