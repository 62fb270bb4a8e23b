package dev.modq.store.sqlite;

import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.store.PageRequest;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema is a public contract: what db/README.md promises a blog backend must hold. */
class SchemaContractTest {

    @TempDir
    Path dir;

    @Test
    void aCommentInsertedWithPlainSqlShowsUpAsPending() {
        Path db = dir.resolve("blog.db");
        try (SqliteStore store = TestDb.create(db)) {
            // the example from db/README.md, as a blog backend would run it
            TestDb.sql(db, "INSERT INTO posts (title, url, source_system, source_id)"
                    + " VALUES ('Hello world', 'https://blog.example.com/hello', 'myblog', '17')");
            TestDb.sql(db, "INSERT INTO comments (post_id, author_name, author_email, author_ip, body)"
                    + " VALUES ((SELECT id FROM posts WHERE source_system = 'myblog' AND source_id = '17'),"
                    + " 'Ann', 'ann@example.com', '192.0.2.7', 'Great post!')");
            Comment c = store.page(PageRequest.first(Query.ofStatus(Status.PENDING), 10)).stream()
                    .map(r -> store.comment(r.id()).orElseThrow()).findFirst().orElseThrow();
            assertEquals(Status.PENDING, c.status());
            assertEquals(0, c.version());
            assertEquals("Great post!", c.body());
            assertTrue(Math.abs(c.createdAt().getEpochSecond() - System.currentTimeMillis() / 1000) < 60,
                    "created_at defaults to now");
            assertEquals(1L, store.countsByStatus().get(Status.PENDING));
        }
    }

    @Test
    void anUnknownStatusIsRefusedByTheDatabase() {
        Path db = dir.resolve("check.db");
        TestDb.create(db).close();
        TestDb.seed(db, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestDb.sql(db, "UPDATE comments SET status = 'spam' WHERE id = 1"));
        assertTrue(e.getMessage().contains("CHECK constraint failed"), e.getMessage());
    }

    @Test
    void aBackendEditBumpsTheVersionSoModeratorsSeeAConflict() {
        Path db = dir.resolve("edit.db");
        TestDb.create(db).close();
        TestDb.seed(db, 1);
        TestDb.sql(db, "UPDATE comments SET body = 'edited by the author' WHERE id = 1");
        assertEquals(1, TestDb.longValue(db, "SELECT version FROM comments WHERE id = 1"));
    }

    @Test
    void statusCountsFollowInsertsUpdatesAndDeletes() {
        Path db = dir.resolve("counts.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 5);
            TestDb.sql(db, "UPDATE comments SET status = 'approved' WHERE id IN (1, 2)");
            TestDb.sql(db, "DELETE FROM comments WHERE id = 5");
            assertEquals(2L, store.countsByStatus().get(Status.PENDING));
            assertEquals(2L, store.countsByStatus().get(Status.APPROVED));
            assertEquals(TestDb.longValue(db, "SELECT count(*) FROM comments WHERE status = 'pending'"),
                    store.countsByStatus().get(Status.PENDING));
        }
    }

    @Test
    void theAuditLogRefusesUpdateAndDelete() throws SQLException {
        Path db = dir.resolve("audit.db");
        TestDb.create(db).close();
        TestDb.seed(db, 1);
        TestDb.sql(db, "INSERT INTO audit_log (at, moderator, comment_id, action, from_status, to_status, batch_id,"
                + " version_after, prev_hash, hash) VALUES (1, 'x', 1, 'approve', 'pending', 'approved', 'b', 1, 'p', 'h')");
        IllegalStateException update = assertThrows(IllegalStateException.class,
                () -> TestDb.sql(db, "UPDATE audit_log SET moderator = 'someone else'"));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        IllegalStateException delete = assertThrows(IllegalStateException.class,
                () -> TestDb.sql(db, "DELETE FROM audit_log"));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        assertEquals("x", TestDb.stringValue(db, "SELECT moderator FROM audit_log"));
    }

    @Test
    void keysetPagesWalkTheQueueInOrderWithoutGapsOrRepeats() {
        Path db = dir.resolve("pages.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 25);
            PageRequest first = PageRequest.first(Query.ofStatus(Status.PENDING), 10);
            var page1 = store.page(first);
            var page2 = store.page(first.after(dev.modq.store.Keyset.of(page1.get(9))));
            var page3 = store.page(first.after(dev.modq.store.Keyset.of(page2.get(9))));
            assertEquals(1, page1.get(0).id());
            assertEquals(11, page2.get(0).id());
            assertEquals(5, page3.size());
            var back = store.page(first.before(dev.modq.store.Keyset.of(page3.get(0))));
            assertEquals(11, back.get(0).id(), "backward pages come back in queue order");
            assertEquals(20, back.get(9).id());
            var last = store.page(PageRequest.last(Query.ofStatus(Status.PENDING), 3));
            assertEquals(java.util.List.of(23L, 24L, 25L), last.stream().map(r -> r.id()).toList());
        }
    }

    @Test
    void aBoundedCountStopsJustPastItsLimit() {
        Path db = dir.resolve("bounded.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 30);
            Query pending = Query.ofStatus(Status.PENDING);
            assertEquals(11, store.countUpTo(pending, 10), "limit + 1 says 'more than 10'");
            assertEquals(30, store.countUpTo(pending, 100));
            assertEquals(30, store.count(pending));
        }
    }

    @Test
    void theBoundedAuthorHistoryMatchesTheExactOneBelowItsCapAndStopsAbove() {
        Path db = dir.resolve("history.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 70); // author0..author6 in turn, 10 comments each
            TestDb.sql(db, "UPDATE comments SET status = 'approved' WHERE id IN (7, 14, 21)");
            TestDb.sql(db, "UPDATE comments SET status = 'rejected' WHERE id = 28");
            Comment c = store.comment(35).orElseThrow(); // author0, pending
            dev.modq.core.AuthorHistory exact = store.authorHistory(c);
            assertEquals(new dev.modq.core.AuthorHistory(3, 1, 0, 5), exact, "itself excluded");
            assertEquals(exact, store.authorHistoryUpTo(c, 100));
            dev.modq.core.AuthorHistory capped = store.authorHistoryUpTo(c, 2);
            assertEquals(3, capped.approved(), "cap + 1 says 'more than 2'");
            assertEquals(3, capped.pending());
            assertEquals(1, capped.rejected());
        }
    }
}
