package dev.modq.service;

import dev.modq.core.Comment;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.core.score.Band;
import dev.modq.core.score.BacktestResult;
import dev.modq.core.score.Scored;
import dev.modq.core.score.Thresholds;
import dev.modq.store.Store;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over both backends: the model's SQL runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class SpamScorerTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    TestDatabase db;
    Store store;
    SpamScorer scorer;

    @BeforeEach
    void setUp() {
        db = backend.fresh(dir, "s.db");
        store = db.create();
        scorer = new SpamScorer(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
        db.close();
    }

    private ModerationService alice() {
        Moderator m = Actors.resolve(store, "alice", null);
        return new ModerationService(store, m, Clock.systemUTC());
    }

    /** Comments 1..n: even ids talk about the council (ham), odd ids sell casino bonuses with a link (spam). */
    private void seed(int n) {
        db.sql("INSERT INTO posts (id, title) VALUES (1, 'Budget vote tonight')");
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO comments (id, post_id, author_name, author_email,"
                     + " body, created_at) VALUES (?, 1, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= n; i++) {
                boolean spam = i % 2 == 1;
                ps.setInt(1, i);
                ps.setString(2, spam ? "Casino Bonus " + i : "reader" + (i % 13));
                ps.setString(3, spam ? "bonus" + i + "@spam.invalid" : "reader" + (i % 13) + "@example.com");
                ps.setString(4, spam ? "Big casino bonus " + i + " at https://casino" + (i % 5) + ".invalid/x today"
                        : "The council budget vote " + (i % 17) + " was close, I think we need a plan");
                ps.setLong(5, TestDatabase.T0 + i);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void decideAll(long from, long to) {
        List<Target> ham = LongStream.rangeClosed(from, to).filter(i -> i % 2 == 0).mapToObj(Target::any).toList();
        List<Target> spam = LongStream.rangeClosed(from, to).filter(i -> i % 2 == 1).mapToObj(Target::any).toList();
        alice().decide(Decision.APPROVE, ham, new DecideOptions(null, null, false, false, false));
        alice().decide(Decision.REJECT, spam, new DecideOptions("spam", null, false, false, false));
    }

    private String modelSnapshot() {
        return db.stringValue("SELECT ham, spam FROM score_model").replace('|', '/') + " "
                + String.join(",", db.rows("SELECT bucket, ham, spam FROM score_tokens WHERE ham <> 0 OR spam <> 0"
                + " ORDER BY bucket"));
    }

    @Test
    void decisionsTeachTheModelAndUndoTakesItBack() {
        seed(20);
        String empty = modelSnapshot();
        alice().decide(Decision.APPROVE, List.of(Target.any(2), Target.any(4)), new DecideOptions(null, null, false, false, false));
        String afterApprove = modelSnapshot();
        assertTrue(afterApprove.startsWith("2/0 "), afterApprove);
        alice().decide(Decision.REJECT, List.of(Target.any(1), Target.any(3), Target.any(5)),
                new DecideOptions("spam", null, false, false, false));
        assertTrue(modelSnapshot().startsWith("2/3 "), modelSnapshot());
        assertEquals("spam", db.stringValue("SELECT learned FROM comments WHERE id = 3"));

        alice().undoLast(new DecideOptions(null, null, false, false, false));
        assertEquals(afterApprove, modelSnapshot(), "undoing the rejection takes back exactly what it taught");
        alice().undoLast(new DecideOptions(null, null, false, false, false));
        assertEquals(empty, modelSnapshot(), "and the approval too");
        assertEquals(0, db.longValue("SELECT count(*) FROM comments WHERE learned IS NOT NULL"));
    }

    @Test
    void otherRejectReasonsAndFlagsTeachNothing() {
        seed(10);
        alice().decide(Decision.REJECT, List.of(Target.any(1)), new DecideOptions("abuse", null, false, false, false));
        alice().decide(Decision.FLAG, List.of(Target.any(2)), new DecideOptions(null, null, false, false, false));
        assertTrue(modelSnapshot().startsWith("0/0 "), modelSnapshot());
    }

    @Test
    void changingADecisionMovesTheEvidence() {
        seed(10);
        alice().decide(Decision.REJECT, List.of(Target.any(2)), new DecideOptions("spam", null, false, false, false));
        alice().decide(Decision.APPROVE, List.of(Target.any(2)), new DecideOptions(null, null, false, false, false));
        assertTrue(modelSnapshot().startsWith("1/0 "), modelSnapshot());
        assertEquals("ham", db.stringValue("SELECT learned FROM comments WHERE id = 2"));
    }

    @Test
    void under200DecisionsItSaysNotReadyAndStoresNoScore() {
        seed(300);
        decideAll(1, 150);
        assertFalse(scorer.isReady());
        Comment c = store.comment(299).orElseThrow();
        assertEquals(Band.NOT_READY, scorer.band(c));
        assertEquals(150, scorer.scoreDue(Long.MAX_VALUE, () -> true));
        assertEquals(150, db.longValue("SELECT count(*) FROM comments WHERE status = 'pending' AND score = -1"));
        assertEquals(0, store.count(Query.parse("score:>=0")));
        assertEquals(Band.NOT_READY, scorer.band(-1));
    }

    @Test
    void onceReadyItScoresStoresAndFilters() {
        seed(300);
        decideAll(1, 200);
        assertTrue(scorer.isReady());
        assertEquals(100, scorer.scoreDue(Long.MAX_VALUE, () -> true));
        assertEquals(0, scorer.scoreDue(Long.MAX_VALUE, () -> true), "nothing due twice");
        Scored spam = scorer.score(store.comment(299).orElseThrow());
        Scored ham = scorer.score(store.comment(300).orElseThrow());
        assertEquals(Band.LIKELY_SPAM, spam.band(), spam.why(5).toString());
        assertEquals(Band.LIKELY_HAM, ham.band(), ham.why(5).toString());
        assertEquals(50, store.count(Query.parse("status:pending score:>85")));
        assertEquals(50, store.count(Query.parse("status:pending score:<15")));
        assertEquals(spam.value(), db.longValue("SELECT score FROM comments WHERE id = 299"));
        assertEquals(0, db.longValue("SELECT count(*) FROM comments WHERE version <> 0 AND status = 'pending'"),
                "storing scores bumps no version");
    }

    @Test
    void thresholdsAreKeptAndRespected() {
        seed(300);
        decideAll(1, 200);
        scorer.setThresholds(new Thresholds(101, 100));
        assertEquals(new Thresholds(101, 100), scorer.thresholds());
        assertEquals(Band.LIKELY_HAM, scorer.band(store.comment(299).orElseThrow()), "everything under 101 is ham");
        scorer.setThresholds(new Thresholds(0, 0));
        assertEquals(Band.LIKELY_SPAM, scorer.band(store.comment(299).orElseThrow()), "anything above 0 is spam");
        assertEquals(Band.UNSURE, scorer.band(0), "and 0 itself unsure");
    }

    @Test
    void evaluateOnADeterministicHistoryGivesExactCounts() {
        seed(400);
        decideAll(1, 400);
        BacktestResult r = scorer.evaluate(0.75);
        assertEquals(300, r.trained());
        BacktestResult.Figures f = r.at(new Thresholds(15, 85));
        assertEquals(50, f.spam());
        assertEquals(50, f.spamCaught());
        assertEquals(50, f.ham());
        assertEquals(0, f.hamHeld());
        assertEquals(50, f.hamPassed());
    }

    @Test
    void aRebuildLearnsWhatTheDecisionsTaught() {
        seed(40);
        store.scores().fillFingerprints();  // as scoring does soon after comments arrive: repeated text is counted
        decideAll(1, 40);
        String incremental = modelSnapshot();
        scorer.rebuild();
        assertTrue(modelSnapshot().startsWith("20/20 "), modelSnapshot());
        assertEquals(40, db.longValue("SELECT count(*) FROM comments WHERE learned IS NOT NULL"));
        assertEquals(incremental, modelSnapshot(), "the same counts, bucket by bucket");
    }
}
