package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modq check} on PostgreSQL finds what someone with psql did behind modq's back, each in its own check: a
 * guard trigger switched off, an audit entry edited, a decided comment changed without an audit entry, kept counts
 * wrong, a reference to a missing row.
 */
@ExtendWith(PgCluster.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckPgTest {

    @TempDir
    Path dir;

    @Test
    void whatWasDoneWithPsqlIsFoundCheckByCheck(PgDatabase pg) throws Exception {
        Path life = dir.resolve("life.db");
        ok("demo", "--comments", "200", "--no-open", "--db", life.toString());
        ok("copy", life.toString(), pg.address());
        ok("--db", pg.address(), "reject", "1", "2", "--reason", "spam");
        ok("--db", pg.address(), "check");

        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
            st.executeUpdate("UPDATE audit_log SET note = 'quietly' WHERE id = 1");
            st.execute("ALTER TABLE comments DISABLE TRIGGER comments_count_update");
            st.executeUpdate("UPDATE comments SET status = 'approved' WHERE id = 2");
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("UPDATE comments SET parent_id = 999999 WHERE id = 3");
        }
        CliRun check = CliRun.run("--db", pg.address(), "check");
        assertEquals(ExitCode.FAILURE, check.code(), check.toString());
        String all = check.out() + check.err();
        assertTrue(all.contains("of modq's guards are off (trigger audit_log_no_update is disabled)"), all);
        assertTrue(all.contains("first problem at entry 1 (changed)"), all);
        assertTrue(all.contains("comment 2 is approved but its last audit entry 2 says rejected"), all);
        assertTrue(all.contains("approved: status_counts says"), all);
        assertTrue(all.contains("comments row 3 points to a missing comments row"), all);
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertTrue(r.code() == 0, String.join(" ", args) + "\n" + r);
        return r;
    }
}
