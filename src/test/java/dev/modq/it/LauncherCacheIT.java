package dev.modq.it;

import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bash launcher's start-up caches: they may make modq faster, never make it fail or misreport. Runs copies
 * of {@code ./modq} beside copies of the packaged jar (two "builds") with a controlled environment.
 */
class LauncherCacheIT {

    @TempDir
    Path dir;

    private Path db;
    private String expectedCount;

    @BeforeEach
    void database() throws Exception {
        db = dir.resolve("l.db");
        TestDb.create(db).close();
        TestDb.seed(db, 7);
        Run direct = run(List.of(ChildJvm.java(), "-jar", ChildJvm.jar().toString(), "--db", db.toString(), "count"),
                Map.of("PATH", path()));
        assertEquals(0, direct.code, direct.err);
        expectedCount = direct.out;
    }

    @Test
    void runsWithoutHome() throws Exception {
        Path launcher = build("a", Instant.parse("2026-01-01T00:00:00Z"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Map<String, String> bare = Map.of("PATH", path(), "TMPDIR", tmp.toString()); // env -i PATH=... TMPDIR=...
        for (int i = 0; i < 2; i++) { // the first run writes the class archive, the second maps it
            Run r = run(List.of("env", "-i", "PATH=" + path(), "TMPDIR=" + tmp, launcher.toString(), "--db",
                    db.toString(), "count"), bare);
            assertEquals(0, r.code, "run " + i + ": " + r.err);
            assertEquals(expectedCount, r.out);
            assertEquals("", r.err);
        }
        Path cache = tmp.resolve("modq-cache-" + uid());
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("modq-cli-count.jsa")),
                    "with no HOME the cache is a private per-uid directory under TMPDIR");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)),
                "only the owner can reach it");
    }

    @Test
    void twoBuildsAlternatingNeverBreakEachOther() throws Exception {
        Path a = build("a", Instant.parse("2026-01-01T00:00:00Z"));
        Path b = build("b", Instant.parse("2026-02-01T00:00:00Z"));
        Map<String, String> env = Map.of("PATH", path(), "HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString());
        for (int i = 0; i < 3; i++) {
            for (Path launcher : List.of(a, b)) {
                Run count = run(List.of(launcher.toString(), "--db", db.toString(), "count"), env);
                assertEquals(0, count.code, launcher + " round " + i + ": " + count.err);
                assertEquals(expectedCount, count.out);
                assertEquals("", count.err);
                Run missing = run(List.of(launcher.toString(), "--db", db.toString(), "show", "99999"), env);
                assertEquals(3, missing.code, "a not-found keeps its exit code: " + missing.err);
                assertEquals("", missing.out);
            }
        }
        try (Stream<Path> builds = Files.list(dir.resolve("cache/modq"))) {
            assertEquals(2, builds.filter(p -> p.getFileName().toString().matches("\\d+-\\d+-\\d+")).count(),
                    "each build keeps its own archives");
        }
    }

    @Test
    void anArchiveThatCannotBeWrittenKeepsTheRealExitCodeAndAClearStdout() throws Exception {
        Path a = build("a", Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, String> env = Map.of("PATH", path(), "HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "MODQ_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + dir.resolve("gone/nowhere.jsa")); // the JVM exits 1
        Run missing = run(List.of(a.toString(), "--db", db.toString(), "show", "99999"), env);
        assertEquals(3, missing.code, missing.err);
        assertEquals("", missing.out, "the JVM's archive complaint never reaches stdout");
        Run count = run(List.of(a.toString(), "--db", db.toString(), "count"), env);
        assertEquals(0, count.code, count.err);
        assertEquals(expectedCount, count.out);
    }

    /** A copy of the launcher beside a copy of the jar with its own modification time: one "build". */
    private Path build(String name, Instant built) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("target"));
        Path jar = home.resolve("modq.jar");
        Files.copy(ChildJvm.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(built));
        Path launcher = dir.resolve(name).resolve("modq");
        Files.copy(Path.of(System.getProperty("modq.basedir", ".")).resolve("modq"), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        return launcher;
    }

    private static String path() {
        return Path.of(ChildJvm.java()).getParent() + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin";
    }

    private static String uid() throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "modq finished: " + cmd);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
