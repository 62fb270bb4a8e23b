package dev.modq.store.sql;

import dev.modq.store.sqlite.SqlFunctions;
import dev.modq.core.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries against a real SQLite file built from the V001 migration: which comments each one selects.
 * The tests only read, so one database serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySqlTest {

    private static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");

    private Connection db;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("modq.db"));
        migrate(db);
        SqlFunctions.register(db);
        insertFixtures();
    }

    @AfterAll
    void close() throws SQLException {
        db.close();
    }

    /** sqlite-jdbc runs every statement of a multi-statement executeUpdate (trigger bodies included). */
    private static void migrate(Connection db) throws Exception {
        Path base = Path.of(System.getProperty("modq.basedir", System.getProperty("user.dir")));
        String sql = Files.readString(base.resolve("db/migrations/V001__initial_schema.sql"));
        try (Statement st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private void insertFixtures() throws SQLException {
        long now = NOW.getEpochSecond();
        exec("INSERT INTO posts (id, title) VALUES (1, 'Hello World'), (2, '100% off_sale'), (3, '2026 plans')");
        comment(1, 1, null, "Bob Smith", "bob@Example.com", "http://bob.example", "10.0.0.7",
                "Nice post", "comment", now - 3_600, "pending", null, "local");
        comment(2, 1, null, "alice", null, null, "10.1.2.3",
                "buy http://a.example and https://b.example and ftp://c", "comment", now - 3 * 86_400, "pending", null, "local");
        comment(3, 2, 1L, "100%_real", "x@spam.test", "https://CASINO.example", "192.168.1.5",
                "free money", "comment", now - 10 * 86_400, "flagged", "Spam", "local");
        comment(4, 2, null, "Łukasz 中文", "l@example.org", null, "2001:db8::5",
                "FREE MONEY now http://x", "pingback", Instant.parse("2026-01-31T00:00:00Z").getEpochSecond(),
                "approved", null, "wordpress");
        comment(5, 3, 4L, "mallory", null, null, "::ffff:10.9.9.9",
                "100%", "comment", Instant.parse("2026-02-01T10:00:00Z").getEpochSecond(), "rejected", "abuse", "local");
        comment(6, 3, 4L, "percent", null, null, null,
                "a_b", "trackback", Instant.parse("2026-01-30T23:59:59Z").getEpochSecond(), "pending", null, "local");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "|1 2 3 4 5 6",
            "status:pending|1 2 6",
            "status:pending,flagged|1 2 3 6",
            "status:all|1 2 3 4 5 6",
            "-status:pending|3 4 5",
            "status:pending status:flagged|",
            "post:1|1 2",
            "post:HELLO|1 2",
            "`post:\"100% off\"`|3 4",
            "`post:\"2026\"`|5 6",
            "post:2026|",
            "author:bob|1",
            "author:%|3",
            "author:_|3",
            "author:\"Łukasz 中文\"|4",
            "email:example.com|1",
            "email:EXAMPLE|1 4",
            "-email:example|2 3 5 6",
            "url:casino|3",
            "-url:casino|1 2 4 5 6",
            "`text:\"free money\"`|3 4",
            "`\"free money\"`|3 4",
            "money -free|",
            "text:%|5",
            "text:_|6",
            "text:a%b|",
            "ip:10.0.0.7|1",
            "ip:10.0.0.0/8|1 2 5",
            "-ip:10.0.0.0/8|3 4 6",
            "ip:192.168.1.0/24|3",
            "ip:2001:db8::/32|4",
            "ip:2001:DB8::5|4",
            "ip:::ffff:0:0/96|1 2 3 5",  // IPv4 addresses count as IPv4-mapped IPv6
            "ip:10.|1 2",
            "ip:2001:db8:|4",
            "links:0|1 3 5 6",
            "links:>2|2",
            "links:>=1|2 4",
            "links:<1|1 3 5 6",
            "links:=3|2",
            "age:<2h|1",
            "age:<=3d|1 2",
            "age:>3d|3 4 5 6",
            "age:>1w|3 4 5 6",
            "age:>9d2h|3 4 6",
            "age:<1w -age:<1h|1 2",  // comment 1 is exactly one hour old
            "age:<1w -age:<=1h|2",
            "after:2026-01-31|1 2 3 4 5",
            "before:2026-01-31|6",
            "before:2026-02-01T10:00:00Z|3 4 6",
            "after:2026-02-01T10:00:00Z before:2026-02-01T10:00:01Z|5",
            "after:2026-02-01T09:59:59.5Z before:2026-02-01T10:00:00.5Z|5",
            "id:3|3",
            "id:>4|5 6",
            "id:<=2|1 2",
            "kind:pingback|4",
            "-kind:comment|4 6",
            "reason:spam|3",
            "-reason:spam|1 2 4 5 6",
            "source:wordpress|4",
            "source:WordPress|",
            "parent:none|1 2 4",
            "parent:any|3 5 6",
            "parent:4|5 6",
            "-parent:4|1 2 3 4",
            "status:pending author:bob|1",
            "`author:\"x' OR 1=1 --\"`|",
            "`text:\"'); DROP TABLE comments; --\"`|",
            "`reason:\"' OR ''='\"`|",
            "`-author:\"x' OR 1=1 --\"`|1 2 3 4 5 6",
    })
    void selects(String where, String ids) throws SQLException {
        assertEquals(ids == null ? List.of() : Arrays.stream(ids.split(" ")).map(Long::valueOf).toList(),
                select(Query.parse(where)), where);
    }

    @Test
    void migrationRanWholeIncludingTriggerBodies() throws Exception {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")) {
            rs.next();
            String migration = Files.readString(Path.of(System.getProperty("modq.basedir", "."))
                    .resolve("db/migrations/V001__initial_schema.sql"));
            assertEquals(migration.split("CREATE TRIGGER", -1).length - 1, rs.getInt(1));
        }
    }

    @Test
    void userValuesTravelOnlyAsParameters() {
        SqlFragment f = QuerySql.where(Query.parse("author:\"x' OR 1=1 --\" reason:spam ip:10.0.0.0/8"), NOW);
        assertFalse(f.sql().contains("OR 1=1"), f.sql());
        assertFalse(f.sql().contains("spam"), f.sql());
        assertEquals(List.of("x' OR 1=1 --", "spam", "10.0.0.0/8"), f.params());
        assertEquals(new SqlFragment("1", List.of()), QuerySql.where(Query.EMPTY, NOW));
    }

    @Test
    void statusTermsUseTheStatusIndex() throws SQLException {
        SqlFragment f = QuerySql.where(Query.parse("status:pending,flagged"), NOW);
        assertEquals("c.status IN (?, ?)", f.sql());
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = db.prepareStatement("EXPLAIN QUERY PLAN SELECT c.id FROM comments c"
                + " JOIN posts p ON p.id = c.post_id WHERE " + f.sql() + " ORDER BY c.created_at, c.id")) {
            bind(ps, f.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("comments_by_status_created"), plan.toString());
    }

    @ParameterizedTest(name = "{0} terms")
    @ValueSource(ints = {1_000, 5_000, Query.MAX_TERMS})
    void aLongBlocklistRunsRatherThanOverflowSqlitesExpressionDepth(int n) throws SQLException {
        // excluded post titles make the longest SQL per term; one real exclusion at the end must still count
        String blocklist = IntStream.range(0, n - 1).mapToObj(i -> "-post:\"blocked title " + i + "\"")
                .collect(Collectors.joining(" ")) + " -author:bob";
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), select(Query.parse(blocklist)));
    }

    private List<Long> select(Query query) throws SQLException {
        SqlFragment f = QuerySql.where(query, NOW);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id"
                + " WHERE " + f.sql() + " ORDER BY c.id")) {
            bind(ps, f.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private void comment(long id, long post, Long parent, String name, String email, String url, String ip, String body,
                         String kind, long createdAt, String status, String reason, String source) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO comments (id, post_id, parent_id, author_name,"
                + " author_email, author_url, author_ip, body, kind, created_at, status, reason, source_system)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, Arrays.asList(id, post, parent, name, email, url, ip, body, kind, createdAt, status, reason, source));
            ps.executeUpdate();
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
