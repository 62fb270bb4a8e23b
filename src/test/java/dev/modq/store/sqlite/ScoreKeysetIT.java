package dev.modq.store.sqlite;

import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.store.Keyset;
import dev.modq.store.PageRequest;
import dev.modq.store.QueueOrder;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue sorted by score (most likely spam first) pages correctly by keyset at a million rows: every pending
 * row exactly once, in (score, id) descending order, forwards and backwards, unscored rows last; and a page deep in
 * the queue costs what the first does (the (status, score, id) index is walked, nothing is sorted).
 */
class ScoreKeysetIT {

    static final int N = Integer.getInteger("modq.scoreKeyset.rows", 1_000_000);
    static final int PAGE = 1_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRowsPageByScoreExactlyOnceInOrder() {
        Path db = dir.resolve("million.db");
        TestDb.create(db).close();
        TestDb.sql(db, "INSERT INTO posts (id, title) VALUES (1, 'Budget')");
        // scores 0..100 with many ties; every 7th row unscored (-1); a tenth approved (not in the pending view)
        TestDb.sql(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + N + ")"
                + " INSERT INTO comments (id, post_id, author_name, body, created_at, status, score)"
                + " SELECT i, 1, 'a' || (i % 100), 'text ' || i, " + TestDb.T0 + " + i,"
                + " CASE WHEN i % 10 = 3 THEN 'approved' ELSE 'pending' END,"
                + " CASE WHEN i % 7 = 0 THEN -1 ELSE (i * 37) % 101 END FROM n");
        long pending = TestDb.longValue(db, "SELECT count(*) FROM comments WHERE status = 'pending'");
        try (SqliteStore store = SqliteStore.open(db, dev.modq.store.OpenMode.EXISTING)) {
            PageRequest first = PageRequest.first(Query.ofStatus(Status.PENDING), PAGE).inOrder(QueueOrder.SCORE);
            long seen = 0;
            Keyset previous = null;
            long firstPageNanos = 0;
            long slowestNanos = 0;
            List<QueueRow> page = timed(store, first);
            Keyset lastOfFirst = null;
            long t0 = System.nanoTime();
            page = store.page(first);
            firstPageNanos = System.nanoTime() - t0;
            while (!page.isEmpty()) {
                for (QueueRow r : page) {
                    Keyset k = Keyset.of(r);
                    assertEquals(Status.PENDING, r.status());
                    if (previous != null) {
                        assertTrue(QueueOrder.SCORE.compare(previous, k) < 0, previous + " before " + k);
                    }
                    previous = k;
                    seen++;
                }
                if (lastOfFirst == null) {
                    lastOfFirst = previous;
                }
                long t = System.nanoTime();
                page = store.page(first.after(previous));
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
            }
            assertEquals(pending, seen, "every pending row exactly once");
            assertEquals(-1, previous.score(), "unscored rows last");

            // backwards from the end gives the same rows in the same order
            long back = 0;
            Keyset next = null;
            page = store.page(PageRequest.last(Query.ofStatus(Status.PENDING), PAGE).inOrder(QueueOrder.SCORE));
            while (!page.isEmpty()) {
                for (int i = page.size() - 1; i >= 0; i--) {
                    Keyset k = Keyset.of(page.get(i));
                    if (next != null) {
                        assertTrue(QueueOrder.SCORE.compare(k, next) < 0, k + " before " + next);
                    }
                    next = k;
                    back++;
                }
                page = store.page(first.before(next));
            }
            assertEquals(pending, back, "backwards too");
            assertEquals(100, next.score(), "the top is the highest score");
            // that a deep page costs what the first does is the plan's doing, so the plan is what is asserted (a
            // timing would fail on a busy machine); the times are printed for the reader
            String plan = plan(db, QueuePageSql.of(first.after(lastOfFirst), java.time.Instant.now()));
            assertTrue(plan.matches("(?s).*SEARCH c USING (COVERING )?INDEX comments_by_status_score\\b.*")
                    && !plan.contains("TEMP B-TREE"), "a page after a keyset seeks into (status, score, id) and sorts"
                    + " nothing: " + plan);
            System.out.println("ScoreKeysetIT: first page " + firstPageNanos / 1000 + " us, slowest "
                    + slowestNanos / 1000 + " us");
            assertTrue(store.count(Query.parse("status:pending score:>90")) > 0);
        }
    }

    private static String plan(Path db, QueuePageSql page) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + page.sql())) {
            for (int i = 0; i < page.params().size(); i++) {
                ps.setObject(i + 1, page.params().get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return plan.toString();
    }

    private static List<QueueRow> timed(SqliteStore store, PageRequest request) {
        return store.page(request);  // warms the page cache before the first timing
    }
}
