package dev.modq.store.sqlite;


import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.Decision;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database written before V002 keeps its audit entries (version 1) and chains new ones (version 2) after them. */
class AuditUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void entriesWrittenUnderV001VerifyAfterTheUpgradeAndNewOnesFollowThem() throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection conn = TestDb.connect(db)) {
            new Migrator(MigrationSource.bundled().subList(0, 1)).migrate(conn, db.toString(), true);
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("INSERT INTO moderators (name, role) VALUES ('" + Actors.osUser() + "', 'admin')");
                st.executeUpdate("INSERT INTO posts (id, title) VALUES (1, 'p')");
                st.executeUpdate("INSERT INTO comments (id, post_id, status, reason, version) VALUES"
                        + " (1, 1, 'rejected', 'spam\u001fabuse', 1), (2, 1, 'approved', NULL, 1), (3, 1, 'pending', NULL, 0)");
            }
            String prev = AuditChain.GENESIS;
            for (long id = 1; id <= 2; id++) {
                AuditEntry e = new AuditEntry(id, Instant.ofEpochMilli(1_780_000_000_000L + id), "old", null, id,
                        id == 1 ? "reject" : "approve", Status.PENDING, id == 1 ? Status.REJECTED : Status.APPROVED,
                        id == 1 ? "spam\u001fabuse" : null, null, null, "b" + id, null, 1, null, null, null, 1, prev, null);
                String hash = AuditChain.hashOf(e);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_log (id, at, moderator, comment_id,"
                        + " action, from_status, to_status, reason, from_reason, note, batch_id, undo_of, version_after,"
                        + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, 1, ?, ?)")) {
                    SqliteStore.bind(ps, id, e.at().toEpochMilli(), "old", id, e.action(), "pending", e.toStatus().label(),
                            e.reason(), e.batchId(), prev, hash);
                    ps.executeUpdate();
                }
                prev = hash;
            }
        }

        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING)) {
            assertEquals(MigrationSource.bundled().size(), TestDb.longValue(db, "SELECT count(*) FROM schema_migrations"));
            assertEquals(Optional.empty(), store.verifyAuditChain(), "old entries verify under version 1");
            new ModerationService(store, Actors.resolve(store, Actors.osUser(), null), Clock.systemUTC())
                    .decide(Decision.FLAG, List.of(Target.any(3)), DecideOptions.DEFAULT);
            assertEquals(Optional.empty(), store.verifyAuditChain(), "a version-2 entry chains onto version-1 ones");
        }
        assertEquals("1,1,2", TestDb.stringValue(db, "SELECT group_concat(chain_version) FROM audit_log"));
        assertEquals(Actors.osUser(), TestDb.stringValue(db, "SELECT actor FROM audit_log WHERE id = 3"));
        assertEquals(0, TestDb.longValue(db, "SELECT count(*) FROM audit_log WHERE actor IS NOT NULL AND id < 3"));
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> TestDb.sql(db, "DELETE FROM audit_log WHERE id = 1"), "the rebuilt table got its triggers back");
        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused.getMessage());
        assertEquals("audit_log(id)", TestDb.stringValue(db,
                "SELECT \"table\" || '(' || \"to\" || ')' FROM pragma_foreign_key_list('audit_log')"),
                "undo_of points at the renamed table; comment_id is no longer a foreign key");
    }
}
