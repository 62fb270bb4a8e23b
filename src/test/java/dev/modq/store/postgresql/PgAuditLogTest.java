package dev.modq.store.postgresql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.modq.testing.PgCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log is append-only by the database's own doing, whoever connects (modq or psql). */
@ExtendWith(PgCluster.class)
class PgAuditLogTest {

    private PgTestDb db;

    @BeforeEach
    void createDatabase() {
        db = PgTestDb.migrated();
        db.seed(2);
        db.sql("INSERT INTO audit_log (id, at, moderator, comment_id, action, from_status, to_status, batch_id,"
                + " version_after, prev_hash, hash) VALUES (1, 0, 'alice', 1, 'approve', 'pending', 'approved', 'b1', 1,"
                + " '0', 'h')");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void updateIsRefused() {
        SQLException e = refused("UPDATE audit_log SET note = 'quietly' WHERE id = 1");
        assertTrue(e.getMessage().contains("audit_log is append-only: UPDATE is refused"), e.getMessage());
    }

    @Test
    void deleteIsRefused() {
        SQLException e = refused("DELETE FROM audit_log WHERE id = 1");
        assertTrue(e.getMessage().contains("audit_log is append-only: DELETE is refused"), e.getMessage());
    }

    @Test
    void truncateIsRefused() {
        SQLException e = refused("TRUNCATE audit_log");
        assertTrue(e.getMessage().contains("audit_log is append-only: TRUNCATE is refused"), e.getMessage());
    }

    @Test
    void truncatingTheCommentsCannotTakeTheLogWithThem() {
        SQLException e = refused("TRUNCATE comments, audit_log CASCADE");
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }

    private SQLException refused(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        });
        assertEquals(1, db.longValue("SELECT count(*) FROM audit_log"), "the entry is still there");
        assertEquals("h", db.stringValue("SELECT hash FROM audit_log WHERE id = 1"));
        return e;
    }
}
