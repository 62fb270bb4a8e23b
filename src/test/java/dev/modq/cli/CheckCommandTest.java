package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @TempDir
    Path dir;
    Path db;

    /** 200 comments, a few decisions and an undo, all through the service: a healthy database. */
    @BeforeEach
    void setUp() {
        db = dir.resolve("q.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, 200);
            ModerationService alice = new ModerationService(store, Actors.resolve(store, "alice", null), Clock.systemUTC());
            alice.decide(Decision.REJECT, LongStream.rangeClosed(1, 40).mapToObj(Target::any).toList(),
                    DecideOptions.withReason("spam"));
            alice.decide(Decision.APPROVE, List.of(Target.any(50), Target.any(51)), DecideOptions.DEFAULT);
            alice.undoLast(DecideOptions.DEFAULT);
            alice.decide(Decision.FLAG, List.of(Target.any(60)), DecideOptions.DEFAULT);
        }
    }

    private CliRun check(String... extra) {
        String[] args = new String[2 + extra.length + 1];
        args[0] = "check";
        args[1] = "--db";
        args[2] = db.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(args);
    }

    /** Plain SQL with the append-only triggers dropped: what someone editing the file with other tools can do. */
    private void tamper(String... statements) {
        TestDb.sql(db, "DROP TRIGGER audit_log_no_update");
        TestDb.sql(db, "DROP TRIGGER audit_log_no_delete");
        for (String sql : statements) {
            TestDb.sql(db, sql);
        }
    }

    @Test
    void aHealthyDatabasePassesEveryCheck() {
        CliRun r = check();
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("modq check " + db + ": all is well"), r.toString());
        assertTrue(r.out().contains("45 entries, hash chain intact"), r.toString());
        assertTrue(r.out().contains("200 comments, 45 audit entries"), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void commentsChangedOutsideModqWithoutAuditRowsAreFineUnlessModqHadDecidedThem() {
        TestDb.sql(db, "UPDATE comments SET status = 'approved' WHERE id = 150"); // a backend approving: no audit row
        assertEquals(0, check().code());
        TestDb.sql(db, "UPDATE comments SET status = 'pending' WHERE id IN (3, 7, 9, 11, 13, 15, 17)"); // decided by alice
        CliRun r = check();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("audit vs comments  FAIL 7 comments differ from"), r.toString());
        assertTrue(r.out().contains("comment 3 is pending but its last audit entry 3 says rejected"), r.toString());
        assertTrue(r.out().contains("... and 2 more"), r.toString());
        assertTrue(r.out().contains("audit chain        ok"), r.toString());
    }

    @Test
    void anEditedAuditEntryIsFound() {
        tamper("UPDATE audit_log SET moderator = 'bob' WHERE id = 17");
        CliRun r = check();
        assertEquals(1, r.code());
        assertTrue(r.out().contains("first problem at entry 17 (changed)"), r.toString());
    }

    @Test
    void aDeletedAuditEntryIsFound() {
        tamper("DELETE FROM audit_log WHERE id = 20");
        CliRun r = check();
        assertEquals(1, r.code());
        assertTrue(r.out().contains("first problem at entry 20 (removed)"), r.toString());
    }

    @Test
    void wrongStatusCountsAndDanglingForeignKeysAreFound() {
        TestDb.sql(db, "UPDATE status_counts SET n = n + 5 WHERE status = 'flagged'");
        TestDb.sql(db, "INSERT INTO comments (id, post_id, body, created_at) VALUES (9999, 77, 'orphan', 1)");
        CliRun r = check();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("flagged: status_counts says 6, actual 1"), r.toString());
        assertTrue(r.out().contains("comments row 9999 points to a missing posts row"), r.toString());
        assertTrue(r.out().startsWith("modq check " + db + ": 2 checks failed"), r.toString());
        assertTrue(r.out().lines().count() <= 24, "one screen");
    }

    @Test
    void jsonReportIsValidJsonWithOneEntryPerCheck() throws Exception {
        tamper("UPDATE audit_log SET note = 'x' WHERE id = 1");
        CliRun r = check("--format", "json");
        assertEquals(1, r.code());
        int checks = 0;
        boolean okFalse = false;
        try (JsonParser p = new JsonFactory().createParser(r.out())) {
            while (p.nextToken() != null) {
                if ("check".equals(p.currentName()) && p.currentToken().isScalarValue()) {
                    checks++;
                }
                if ("ok".equals(p.currentName()) && p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE) {
                    okFalse = true;
                }
            }
        }
        assertEquals(5, checks, r.out());
        assertTrue(okFalse);
    }

    @Test
    void aCorruptedFileFailsTheIntegrityCheckInOneScreen() throws Exception {
        growAndCorrupt(db);
        CliRun r = check();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("integrity          FAIL"), r.toString());
        assertTrue(r.out().lines().count() <= 24, r.toString());
        assertEquals("", r.err(), "check reports damage on stdout, it does not crash");
    }

    @Test
    void aFileTooDamagedToOpenIsReportedByCheckNotAsAnError() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(100); // right after the header: the schema page
            f.write(new byte[3000]);
            f.seek(500);
            f.write("garbage garbage garbage".getBytes());
        }
        CliRun r = check();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("integrity          FAIL cannot open the database"), r.toString());
        assertTrue(r.out().contains("restore a backup"), r.toString());
    }

    /** Overwrites 8 KiB in the middle of a database big enough that the middle is comment data. */
    static void growAndCorrupt(Path db) throws Exception {
        TestDb.sql(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                + " INSERT INTO comments (post_id, body, created_at) SELECT 1, printf('%.500c', 'x') || i, 5 FROM n");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            long middle = f.length() / 2 / 4096 * 4096 + 24;
            f.seek(middle);
            byte[] junk = new byte[8192];
            new java.util.Random(7).nextBytes(junk);
            f.write(junk);
        }
    }
}
