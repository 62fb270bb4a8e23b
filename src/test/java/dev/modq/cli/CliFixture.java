package dev.modq.cli;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.service.Actors;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A real database (of any backend) with a small fixed set of comments, and a way to run modq against it. */
final class CliFixture {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    /** The database, with plain JDBC beside modq. */
    final TestDatabase database;
    /** Its address, as --db takes it. */
    final String db;

    private CliFixture(TestDatabase database) {
        this.database = database;
        this.db = database.address();
    }

    static CliFixture small(Path dir) {
        return small(TestStores.SQLITE, dir);
    }

    /** Six comments on two posts: pending, approved, flagged; hostile text; links; a reply. */
    static CliFixture small(TestStores.Backend backend, Path dir) {
        CliFixture f = new CliFixture(backend.fresh(dir, "modq.db"));
        f.load(List.of(
                        new Post(1, "Budget vote tonight", "https://news.example/budget", "ed", T0.minusSeconds(86_400), "local", null),
                        new Post(2, "Harbour \"works\" delayed", null, null, null, "local", null)),
                List.of(
                        comment(1, 1, null, "Alice", "alice@example.org", "10.0.0.5", "Great piece, thanks.", Status.PENDING, 0),
                        comment(2, 1, 1L, "bob", "bob@example.org", "10.1.2.3",
                                "Buy now http://spam.example http://spam2.example https://x.example", Status.PENDING, 1),
                        comment(3, 2, null, "Eve\u001b[31m", null, "192.168.1.9",
                                "Line one\nLine two \u202e evil \u0007 bell, \"quoted\"", Status.PENDING, 2),
                        comment(4, 2, null, "carol", "carol@example.org", "10.0.0.5", "Approved already", Status.APPROVED, 3),
                        comment(5, 1, null, "dave", null, "2001:db8::1", "Hmm, flagged", Status.FLAGGED, 4),
                        comment(6, 2, null, "bob", "bob@example.org", "10.1.2.3", "Second from bob", Status.PENDING, 5)));
        // meta as imports bring it: `show` prints it, sanitised in tables
        f.exec("INSERT INTO comment_meta (comment_id, meta_key, meta_value) VALUES"
                + " (2, 'akismet_result', 'true'), (2, 'empty', NULL)");
        f.database.sql("INSERT INTO comment_meta (comment_id, meta_key, meta_value) VALUES (2, 'rating', ?)", "\u001b[31m5");
        return f;
    }

    /** A fixture over a path that may not hold a database at all. */
    static CliFixture at(Path db) {
        return new CliFixture(TestStores.SQLITE.fresh(db.getParent(), db.getFileName().toString()));
    }

    static CliFixture many(Path dir, int n) {
        return many(TestStores.SQLITE, dir, n);
    }

    /** {@code n} pending comments with ids 1..n on one post. */
    static CliFixture many(TestStores.Backend backend, Path dir, int n) {
        CliFixture f = new CliFixture(backend.fresh(dir, "many.db"));
        List<Comment> comments = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            comments.add(comment(i, 1, null, "user" + (i % 100), null, "10.0.0." + (i % 250), "comment " + i, Status.PENDING, i));
        }
        f.load(List.of(new Post(1, "Post", null, null, null, "local", null)), comments);
        return f;
    }

    static Comment comment(long id, long post, Long parent, String name, String email, String ip, String body,
                           Status status, int minutes) {
        return new Comment(id, post, parent, name, email, null, ip, "Mozilla/5.0", body, CommentKind.COMMENT,
                T0.plusSeconds(60L * minutes), status, null, 0, "local", null);
    }

    private void load(List<Post> posts, List<Comment> comments) {
        try (Store store = database.open(OpenMode.CREATE)) {
            Actors.bootstrapFirstAdmin(store, Actors.osUser());
            store.bulkLoad("loading the fixture", w -> {
                for (Post p : posts) {
                    w.post(p);
                }
                for (Comment c : comments) {
                    w.comment(c);
                }
            });
        }
    }

    void addModerator(String name, Role role) {
        try (Store store = database.open(OpenMode.EXISTING)) {
            store.putModerator(name, role);
        }
    }

    CliRun run(String... args) {
        return runWithStdin("", args);
    }

    CliRun runWithStdin(String stdin, String... args) {
        return runWith(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, args);
    }

    CliRun runWith(InputStream stdin, Prompter prompter, String... args) {
        return CliRun.onDb(db, stdin, prompter, args);
    }

    /** Everything a decision could change: comments' status, reason and version; audit and batch rows. */
    String state() {
        StringBuilder sb = new StringBuilder();
        query("SELECT id, status, reason, version FROM comments ORDER BY id", sb);
        query("SELECT count(*), coalesce(max(id), 0) FROM audit_log", sb);
        query("SELECT count(*) FROM batches", sb);
        return sb.toString();
    }

    String status(long id) {
        StringBuilder sb = new StringBuilder();
        query("SELECT status FROM comments WHERE id = " + id, sb);
        return sb.toString().trim();
    }

    long scalar(String sql) {
        return Long.parseLong(queryText(sql).trim());
    }

    String queryText(String sql) {
        StringBuilder sb = new StringBuilder();
        query(sql, sb);
        return sb.toString();
    }

    void exec(String... sql) {
        database.sqls(sql);
    }

    private void query(String sql, StringBuilder sb) {
        database.rows(sql).forEach(row -> sb.append(row).append('\n'));
    }

    /** Compares with src/test/resources/golden/NAME; -Dmodq.updateGolden=true rewrites the file instead. */
    static void assertGolden(String name, String actual) {
        Path file = Path.of(System.getProperty("modq.basedir", "."), "src/test/resources/golden", name);
        try {
            if (Boolean.getBoolean("modq.updateGolden") || !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                if (!Boolean.getBoolean("modq.updateGolden")) {
                    throw new AssertionError("golden file " + file + " did not exist; written now — review and commit it");
                }
                return;
            }
            org.junit.jupiter.api.Assertions.assertEquals(Files.readString(file), actual, "golden file " + name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
