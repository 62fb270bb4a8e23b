package dev.modq.io;

import dev.modq.testing.CliRun;

import dev.modq.cli.Cli;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs modq commands in-process against one temporary database, and reads the database with plain SQL. */
final class CliHarness {

    final Path db;

    CliHarness(Path dir) {
        this.db = dir.resolve("modq.db");
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
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String one(String sql) {
        return rows(sql).get(0);
    }

    /** Everything an import may touch, as one comparable string. */
    String fingerprint() {
        return one("SELECT (SELECT count(*) FROM posts) || '/' || (SELECT count(*) FROM comments) || '/'"
                + " || (SELECT count(*) FROM comment_meta) || '/' || (SELECT count(*) FROM audit_log) || '/'"
                + " || (SELECT coalesce(sum(version), 0) FROM comments) || '/' || (SELECT group_concat(status || n) FROM status_counts)");
    }
}
