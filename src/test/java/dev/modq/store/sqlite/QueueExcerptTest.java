package dev.modq.store.sqlite;

import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.store.PageRequest;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue row's excerpt is cut in SQL, where a NUL must not end the text. */
class QueueExcerptTest {

    @TempDir
    Path dir;

    @Test
    void aNulInTheBodyDoesNotCutTheExcerpt() {
        Path db = dir.resolve("nul.db");
        TestDb.create(db).close();
        TestDb.seed(db, 4);
        TestDb.sql(db, "UPDATE comments SET body = 'before' || char(0) || 'after' WHERE id = 1");
        TestDb.sql(db, "UPDATE comments SET body = 'é' || char(0) || '" + "ж".repeat(300) + "' WHERE id = 2");
        TestDb.sql(db, "UPDATE comments SET body = char(0) || '" + "\uD83D\uDE00".repeat(300) + "' WHERE id = 4");
        try (SqliteStore store = SqliteStore.open(db, dev.modq.store.OpenMode.EXISTING)) {
            List<QueueRow> rows = store.page(PageRequest.first(Query.ofStatus(Status.PENDING), 10));
            assertEquals("before\0after", rows.get(0).excerpt());
            String long2 = rows.get(1).excerpt();
            assertEquals(Rows.EXCERPT_CHARS, long2.codePointCount(0, long2.length()));
            assertEquals("é\0" + "ж".repeat(Rows.EXCERPT_CHARS - 2), long2, "whole characters only");
            assertEquals("comment number 3", rows.get(2).excerpt());
            assertEquals("\0" + "\uD83D\uDE00".repeat(239), rows.get(3).excerpt(), "a character cut by the byte limit is dropped");
        }
    }
}
