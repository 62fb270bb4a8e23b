package dev.modq.store.postgresql;

import dev.modq.core.AuditEntry;
import dev.modq.core.query.Query;
import dev.modq.store.AuditFilter;
import dev.modq.io.ExportFilter;
import dev.modq.store.ListOrder;
import dev.modq.testing.CliRun;
import dev.modq.store.RowCopy;
import dev.modq.testing.PgCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The PostgreSQL driver holds a whole result in memory unless the statement runs inside a transaction with a fetch
 * size, when it reads through a named portal a chunk at a time. So every read that may meet a million rows must be
 * seen, while its first row is handed on, to have such a portal open with the rest of its rows still on the server
 * ({@code pg_cursors} on the same connection). In autocommit, or without a fetch size, there is none.
 */
@ExtendWith(PgCluster.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PgStreamingReadsTest {

    private static final int ROWS = 3_000;

    private PgTestDb db;
    private PgStore store;

    @BeforeEach
    void manyDecidedComments() {
        db = PgTestDb.migrated();
        db.seed(ROWS);
        assertEquals(0, CliRun.run("--db", db.address(), "init").code());
        String ids = LongStream.rangeClosed(1, ROWS).mapToObj(Long::toString).collect(Collectors.joining("\n"));
        CliRun approve = CliRun.onDb(db.address(), new ByteArrayInputStream(ids.getBytes(StandardCharsets.UTF_8)),
                null, "approve", "--yes", "-");
        assertEquals(0, approve.code(), approve.toString());
        store = PgStore.open(db.address(), false);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        db.close();
    }

    @Test
    void learningReadsCommentsByAgeAChunkAtATime() {
        List<Long> open = new ArrayList<>();
        long[] seen = {0};
        store.scores().forEachByAge(true, c -> {
            if (seen[0]++ == 0) {
                open.add(openPortals());
            }
        });
        assertEquals(ROWS, seen[0]);
        assertEquals(List.of(1L), open, "one portal open while the first row is handed on");
    }

    @Test
    void copyReadsEachTableAChunkAtATime() {
        List<Long> open = new ArrayList<>();
        store.readRows(new RowCopy.RowSink() {
            private boolean first;

            @Override
            public void table(RowCopy.Table table) {
                first = table.name().equals("comments");
            }

            @Override
            public void row(Object[] values) {
                if (first) {
                    open.add(openPortals());
                    first = false;
                }
            }
        });
        assertEquals(List.of(1L), open);
    }

    @Test
    void exportAndTheAuditLogAreReadAChunkAtATime() {
        List<Long> open = new ArrayList<>();
        store.forEachExport(new ExportFilter(Query.EMPTY, Set.of(), null, null), row -> {
            if (open.isEmpty()) {
                open.add(openPortals());
            }
        });
        store.forEachListed(Query.EMPTY, ListOrder.CREATED, Long.MAX_VALUE, row -> {
            if (open.size() == 1) {
                open.add(openPortals());
            }
        });
        store.readAuditLog(0, (Iterator<AuditEntry> entries) -> {
            entries.next();
            open.add(openPortals());
            return null;
        });
        store.forEachAudit(AuditFilter.ALL, entry -> {
            if (open.size() == 3) {
                open.add(openPortals());
            }
        });
        assertEquals(List.of(1L, 1L, 1L, 1L), open);
    }

    /** Named portals of this store's connection: those the driver reads from a chunk at a time. */
    private long openPortals() {
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_cursors WHERE name <> ''")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
