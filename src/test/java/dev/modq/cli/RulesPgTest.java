package dev.modq.cli;

import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules and word lists on PostgreSQL: kept, listed, audited in the chain; `modq auto` and `rules test` run there
 * too (RulesCommandTest runs every rule behaviour on both backends).
 */
@ExtendWith(PgCluster.class)
class RulesPgTest {

    private static CliRun ok(PgDatabase pg, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = pg.address();
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun r = CliRun.run(all);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    @Test
    void rulesAndListsAreKeptAndAuditedAndAutoRuns(PgDatabase pg) throws Exception {
        assertEquals(0, CliRun.run("init", "--db", pg.address()).code());
        ok(pg, "rules", "add", "bob", "--when", "author:bob", "--then", "reject spam");
        ok(pg, "rules", "add", "eve", "--when", "author:eve", "--then", "flag");
        ok(pg, "rules", "disable", "eve");
        String list = ok(pg, "rules", "list").out();
        assertTrue(list.contains("bob") && list.contains("eve"), list);
        ok(pg, "rules", "remove", "eve");
        assertTrue(!ok(pg, "rules", "list").out().contains("eve"));
        ok(pg, "lists", "add", "slurs", "foo", "bar");
        ok(pg, "lists", "remove", "slurs", "bar");
        String words = ok(pg, "lists", "show", "slurs").out();
        assertTrue(words.contains("foo") && !words.contains("bar"), words);
        ok(pg, "rules", "stats");
        ok(pg, "log", "--verify");
        assertEquals(6, count(pg, "SELECT count(*) FROM audit_log WHERE action LIKE 'rule_%' OR action LIKE 'words_%'"),
                "rule_add x2, rule_disable, rule_remove, words_add, words_remove");

        CliRun auto = ok(pg, "auto");
        assertTrue(auto.err().contains("of 0 pending examined"), auto.toString());
        ok(pg, "rules", "test");
    }

    private static long count(PgDatabase pg, String sql) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
