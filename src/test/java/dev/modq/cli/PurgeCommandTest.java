package dev.modq.cli;

import dev.modq.core.Role;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11 item 19 (purge): old comments of one status deleted for good, audited, chain and check intact. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class PurgeCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;

    /** The small fixture (created 2026-01-05) with 4 and 5 imported as rejected spam, never decided in modq. */
    private CliFixture withOldSpam() {
        CliFixture fx = CliFixture.small(backend, dir);
        fx.exec("UPDATE comments SET status = 'rejected', reason = 'spam' WHERE id IN (4, 5)",
                "INSERT INTO comment_meta (comment_id, meta_key, meta_value) VALUES (4, 'akismet', 'spam')");
        return fx;
    }

    private CliRun purge(CliFixture fx, String... extra) {
        List<String> args = new ArrayList<>(List.of("purge", "--status", "rejected"));
        args.addAll(List.of(extra));
        return fx.run(args.toArray(String[]::new));
    }

    @Test
    void purgesOldRejectedCommentsWithOneAuditEntryEachAndCheckStillSaysAllIsWell() {
        CliFixture fx = withOldSpam();
        assertEquals(0, fx.run("reject", "3", "--reason", "abuse").code(), "rejected just now: not old");
        CliRun r = purge(fx, "--older-than", "30d", "--yes");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().startsWith("modq: purged 2 rejected comments last changed before "), r.err());
        assertEquals("3\n6\n", fx.queryText("SELECT id FROM comments WHERE id IN (3, 4, 5, 6) ORDER BY id"));
        assertEquals(0, fx.scalar("SELECT count(*) FROM comment_meta WHERE comment_id = 4"), "meta goes with it");
        assertEquals("4|purge|rejected||spam|" + dev.modq.service.Actors.osUser() + "\n"
                        + "5|purge|rejected||spam|" + dev.modq.service.Actors.osUser() + "\n",
                fx.queryText("SELECT comment_id || '|' || action || '|' || from_status || '|' || coalesce(to_status, '')"
                        + " || '|' || reason || '|' || actor FROM audit_log WHERE action = 'purge' ORDER BY id"));
        assertEquals(0, fx.run("log", "--verify").code());
        CliRun check = fx.run("check");
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("all is well"), check.out());
        assertEquals("rejected: 1", "rejected: " + fx.scalar("SELECT n FROM status_counts WHERE status = 'rejected'"));
    }

    @Test
    void aDryRunListsTheIdsAndDeletesNothing() {
        CliFixture fx = withOldSpam();
        String before = fx.state();
        CliRun r = purge(fx, "--older-than", "30d", "--dry-run");
        assertEquals(0, r.code(), r.toString());
        assertEquals("4\n5\n", r.out());
        assertTrue(r.err().startsWith("modq: dry run: would purge 2 rejected comments"), r.err());
        assertEquals(before, fx.state());
    }

    @Test
    void aCommentWithAReplyThatStaysIsKeptAndAThreadGoingTogetherIsNot() {
        CliFixture fx = withOldSpam();
        fx.exec("UPDATE comments SET status = 'rejected' WHERE id = 1"); // 2 replies to 1 and stays pending
        CliRun kept = purge(fx, "--older-than", "30d", "--yes");
        assertTrue(kept.err().contains("purged 2 rejected comments") && kept.err().contains("kept 1 with replies that stay"),
                kept.err());
        assertEquals(1, fx.scalar("SELECT count(*) FROM comments WHERE id = 1"));

        fx.exec("UPDATE comments SET status = 'rejected' WHERE id = 2");
        CliRun thread = purge(fx, "--older-than", "30d", "--yes");
        assertEquals(0, thread.code(), thread.toString());
        assertEquals(0, fx.scalar("SELECT count(*) FROM comments WHERE id IN (1, 2)"), "reply and parent go together");
        assertEquals(0, fx.run("check").code());
    }

    @Test
    void theNewestCommentIsKeptSoItsIdIsNeverReused() {
        CliFixture fx = withOldSpam();
        fx.exec("UPDATE comments SET status = 'rejected' WHERE id = 6");
        CliRun r = purge(fx, "--older-than", "30d", "--yes");
        assertTrue(r.err().contains("kept the newest comment (its id would be reused)"), r.err());
        assertEquals(1, fx.scalar("SELECT count(*) FROM comments WHERE id = 6"));
    }

    @Test
    void theNewestCommentKeptAlsoKeepsTheCommentItRepliesTo() {
        CliFixture fx = withOldSpam();
        fx.exec("UPDATE comments SET status = 'rejected', parent_id = 5 WHERE id = 6");
        CliRun r = purge(fx, "--older-than", "30d", "--yes");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("purged 1 rejected comment ") && r.err().contains("kept 1 with replies that stay"),
                r.err());
        assertEquals("5\n6\n", fx.queryText("SELECT id FROM comments WHERE id IN (4, 5, 6) ORDER BY id"));
        assertEquals(0, fx.run("check").code());
    }

    @Test
    void onlyAdminsPurgeAndNeverWithoutATerminalOrYes() {
        CliFixture fx = withOldSpam();
        fx.addModerator("alice", Role.MODERATOR);
        String before = fx.state();
        CliRun moderator = purge(fx, "--older-than", "30d", "--yes", "--as", "alice");
        assertEquals(ExitCode.FAILURE, moderator.code(), moderator.toString());
        assertTrue(moderator.err().contains("alice is a moderator"), moderator.err());

        CliRun noTty = purge(fx, "--older-than", "30d");
        assertEquals(ExitCode.USAGE, noTty.code(), noTty.toString());
        assertEquals("modq: purge deletes comments for good and there is no terminal to ask on: add --yes"
                + " (or --dry-run to see what it would delete)\n", noTty.err());

        CliRun pending = fx.run("purge", "--status", "pending", "--older-than", "1d", "--yes");
        assertEquals(ExitCode.USAGE, pending.code());
        assertEquals(ExitCode.USAGE, purge(fx, "--older-than", "a while", "--yes").code());
        assertEquals(before, fx.state());
    }

    @Test
    void onATerminalItAsksAboveTheThresholdAndNoMeansNothingDeleted() {
        CliFixture fx = CliFixture.many(backend, dir, 40);
        fx.exec("UPDATE comments SET status = 'rejected' WHERE id <= 30");
        String before = fx.state();
        List<String> asked = new ArrayList<>();
        CliRun no = fx.runWith(new ByteArrayInputStream(new byte[0]), q -> {
            asked.add(q);
            return false;
        }, "purge", "--status", "rejected", "--older-than", "30d");
        assertEquals(ExitCode.FAILURE, no.code(), no.toString());
        assertEquals(List.of("Purge 30 rejected comments for good?"), asked);
        assertEquals(before, fx.state());

        fx.exec("UPDATE comments SET status = 'pending' WHERE id > 10");
        CliRun few = fx.runWith(new ByteArrayInputStream(new byte[0]), q -> {
            asked.add(q);
            return false;
        }, "purge", "--status", "rejected", "--older-than", "30d");
        assertEquals(0, few.code(), few.toString());
        assertEquals(1, asked.size(), "10 is under the threshold: not asked");
        assertEquals(30, fx.scalar("SELECT count(*) FROM comments"));
    }
}
