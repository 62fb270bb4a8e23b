package dev.modq.io;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs modq commands in-process against one temporary database (of any backend), and reads it with plain SQL. */
final class CliHarness {

    /** The database, with plain JDBC beside modq. */
    final TestDatabase database;
    /** Its address, as --db takes it. */
    final String db;

    CliHarness(Path dir) {
        this(TestStores.SQLITE, dir);
    }

    CliHarness(TestStores.Backend backend, Path dir) {
        this.database = backend.fresh(dir, "modq.db");
        this.db = database.address();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun init = run("init");
        if (init.code() != 0) {
            throw new IllegalStateException(init.err());
        }
    }

    CliRun run(String... args) {
        return CliRun.onDb(db, new java.io.ByteArrayInputStream(new byte[0]), null, args);
    }

    static Path fixture(String name) {
        try {
            return Path.of(CliHarness.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** Rows of a query as "a|b|c" strings. */
    List<String> rows(String sql) {
        return database.rows(sql);
    }

    String one(String sql) {
        return rows(sql).get(0);
    }

    /** A query's one epoch-seconds value as an ISO instant ("2024-01-02T11:00:00Z"), the same on every backend. */
    String utc(String sql) {
        return java.time.Instant.ofEpochSecond(Long.parseLong(one(sql))).toString();
    }

    /** Everything an import may touch, as one comparable string. */
    String fingerprint() {
        return one("SELECT count(*) FROM posts") + "/" + one("SELECT count(*) FROM comments") + "/"
                + one("SELECT count(*) FROM comment_meta") + "/" + one("SELECT count(*) FROM audit_log") + "/"
                + one("SELECT coalesce(sum(version), 0) FROM comments") + "/"
                + String.join(",", rows("SELECT status, n FROM status_counts ORDER BY status"));
    }
}
