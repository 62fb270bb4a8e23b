package dev.modq.store.postgresql;

import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.store.PageRequest;
import dev.modq.testing.PgCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL side of the schema contract: what db/README.md promises a blog backend holds on PostgreSQL. */
@ExtendWith(PgCluster.class)
class SchemaContractPgTest {

    private PgTestDb db;

    @BeforeEach
    void createDatabase() {
        db = PgTestDb.migrated();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** The ```sql block under "Writing a comment (PostgreSQL)" in db/README.md, exactly as printed there. */
    static String documentedInsert() throws Exception {
        Path readme = Path.of(System.getProperty("modq.basedir", ".")).resolve("db/README.md");
        String text = Files.readString(readme);
        int section = text.indexOf("### Writing a comment (PostgreSQL)");
        assertTrue(section >= 0, "db/README.md has the PostgreSQL INSERT example");
        int start = text.indexOf("```sql\n", section) + "```sql\n".length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }

    @Test
    void theDocumentedInsertWorksAndTheCommentIsPending() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(documentedInsert());
            st.execute(documentedInsert().replace("comment-99812", "comment-99813"));  // the post is not duplicated
        }
        assertEquals(1, db.longValue("SELECT count(*) FROM posts"));
        assertEquals(java.time.Instant.parse("2026-11-28T09:00:00Z").getEpochSecond(),
                db.longValue("SELECT published_at FROM posts"), "published_at in Unix seconds");
        try (PgStore store = PgStore.open(db.address(), false)) {
            Comment c = store.page(PageRequest.first(Query.ofStatus(Status.PENDING), 10)).stream()
                    .map(r -> store.comment(r.id()).orElseThrow()).findFirst().orElseThrow();
            assertEquals(Status.PENDING, c.status());
            assertEquals(0, c.version());
            assertEquals("comment", c.kind().label());
            assertEquals("<p>Finally! The <b>library</b> gets its roof fixed.</p>", c.body());
            assertTrue(Math.abs(c.createdAt().getEpochSecond() - System.currentTimeMillis() / 1000) < 60,
                    "created_at defaults to now");
            assertEquals(2L, store.countsByStatus().get(Status.PENDING));
        }
    }

    @Test
    void anUnknownStatusIsRefusedByTheDatabase() {
        db.seed(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.sql("UPDATE comments SET status = 'spam' WHERE id = 1"));
        assertTrue(e.getMessage().contains("comments_status_check"), e.getMessage());
    }

    @Test
    void aBackendEditBumpsTheVersionSoModeratorsSeeAConflict() {
        db.seed(1);
        db.sql("UPDATE comments SET body = 'edited by the author' WHERE id = 1");
        assertEquals(1, db.longValue("SELECT version FROM comments WHERE id = 1"));
        db.sql("UPDATE comments SET status = 'approved', version = version + 1 WHERE id = 1");
        assertEquals(2, db.longValue("SELECT version FROM comments WHERE id = 1"), "an explicit bump is not doubled");
    }

    @Test
    void statusCountsFollowInsertsUpdatesAndDeletes() {
        db.seed(5);
        db.sql("UPDATE comments SET status = 'approved' WHERE id IN (1, 2)");
        db.sql("DELETE FROM comments WHERE id = 5");
        assertEquals(2, db.longValue("SELECT n FROM status_counts WHERE status = 'pending'"));
        assertEquals(2, db.longValue("SELECT n FROM status_counts WHERE status = 'approved'"));
    }

    @Test
    void aNulInTextIsRefusedByTheServer() {
        db.seed(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (Connection c = db.connect(); var ps = c.prepareStatement("UPDATE comments SET body = ? WHERE id = 1")) {
                ps.setString(1, "a\0b");
                ps.executeUpdate();
            } catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        });
        assertTrue(e.getMessage().contains("0x00"), e.getMessage());
    }
}
