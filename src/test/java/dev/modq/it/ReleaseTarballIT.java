package dev.modq.it;

import dev.modq.cli.Cli;
import dev.modq.cli.dist.DistFiles;
import dev.modq.cli.dist.ManPage;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The release archive the build writes (target/modq-VERSION.tar.gz), unpacked as an operator would, its launcher
 * reached through a symlink: it runs with nothing but PATH, builds and trusts its cache only when nobody else
 * can have written it, and says in one line what is wrong with a runtime. (The .deb: src/dist/deb/test-deb.)
 */
class ReleaseTarballIT {

    @TempDir
    Path dir;

    private Path home;
    private Path link;
    private Path db;
    private String expectedCount;

    @BeforeEach
    void unpack() throws Exception {
        assumeFalse(Boolean.getBoolean("modq.dist.skip"), "built with -Dmodq.dist.skip=true: no release archive");
        Path archive;
        try (Stream<Path> files = Files.list(ChildJvm.jar().getParent())) {
            archive = files.filter(p -> p.getFileName().toString().matches("modq-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package wrote no target/modq-VERSION.tar.gz"));
        }
        Path opt = Files.createDirectories(dir.resolve("opt"));
        assertEquals(0, run(List.of("tar", "-xzf", archive.toString(), "-C", opt.toString()), env()).code);
        try (Stream<Path> unpacked = Files.list(opt)) {
            home = unpacked.findFirst().orElseThrow();
        }
        link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("modq"),
                home.resolve("bin/modq"));
        db = dir.resolve("r.db");
        TestDb.create(db).close();
        TestDb.seed(db, 5);
        expectedCount = CliRun.run("--db", db.toString(), "count").out();
    }

    @Test
    void shipsAManPageForEveryCommandAndTheCompletionOfModqCompletion() throws Exception {
        Set<String> pages;
        try (Stream<Path> files = Files.list(home.resolve("man/man1"))) {
            pages = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = DistFiles.tree(Cli.commandLine(null, null)).stream()
                .map(c -> ManPage.pageName(c.getCommandSpec()) + ".1.gz").collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, pages);
        assertEquals(CliRun.run("completion").out(), Files.readString(home.resolve("completion/bash/modq")));
        assertTrue(Files.readString(home.resolve("completion/zsh/_modq")).startsWith("#compdef modq\n"));
        assertTrue(Files.isExecutable(home.resolve("bin/modq")) && Files.isExecutable(home.resolve("lib/build-cache")));
        assertTrue(Files.size(home.resolve("lib/modq.classlist")) > 10_000, "the class list was recorded");
        assertTrue(Files.isRegularFile(home.resolve("doc/README.md")));
    }

    @Test
    void runsThroughASymlinkWithOnlyPath() throws Exception {
        Run count = run(List.of(link.toString(), "--db", db.toString(), "count"), env());
        assertEquals(0, count.code, count.err);
        assertEquals(expectedCount, count.out);
        assertEquals("", count.err);
        Run version = run(List.of(link.toString(), "--version"), env());
        assertTrue(version.out.matches("(?s)modq \\S+ \\(schema V\\d{3}\\)\n(commit [0-9a-f]+(-dirty)?|unknown commit),"
                + " built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n"), version.out);
    }

    @Test
    void usesItsCacheOnlyWhileNobodyElseCanHaveWrittenIt() throws Exception {
        Run build = run(List.of(home.resolve("lib/build-cache").toString()), env());
        assertEquals(0, build.code, build.err);
        Path archive = home.resolve("cache/modq.jsa");
        assertTrue(Files.size(archive) > 1_000_000, "a class archive was written");
        Run cached = run(List.of(link.toString(), "--db", db.toString(), "count"), env());
        assertEquals(expectedCount, cached.out);
        assertEquals("", cached.err);

        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-r--"));
        Run tampered = run(List.of(link.toString(), "--db", db.toString(), "count"), env());
        assertEquals(0, tampered.code);
        assertEquals(expectedCount, tampered.out);
        assertEquals(1, tampered.err.lines().count(), tampered.err);
        assertTrue(tampered.err.startsWith("modq: not using the start-up cache " + home.resolve("cache")), tampered.err);
    }

    @Test
    void aMissingOrOldJavaIsOneLine() throws Exception {
        Path old = Files.createDirectories(dir.resolve("jdk11/bin"));
        Files.writeString(old.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Files.writeString(old.resolve("java"), "#!/bin/sh\nexit 0\n");
        assertTrue(old.resolve("java").toFile().setExecutable(true));
        Map<String, String> withOld = new java.util.HashMap<>(env());
        withOld.put("JAVA_HOME", old.getParent().toString());
        Run tooOld = run(List.of(link.toString(), "count"), withOld);
        assertEquals(1, tooOld.code);
        assertEquals("modq: Java 17 or newer is needed, but " + old.resolve("java") + " is Java 11: install a newer"
                + " runtime or set JAVA_HOME to one\n", tooOld.err);

        Path bare = Files.createDirectories(dir.resolve("bare"));
        for (String tool : List.of("bash", "env", "readlink", "dirname")) {
            Files.copy(which(tool), bare.resolve(tool)); // copies, not links: only these four tools on PATH
            assertTrue(bare.resolve(tool).toFile().setExecutable(true));
        }
        Run none = run(List.of(link.toString(), "count"), Map.of("PATH", bare.toString()));
        assertEquals(1, none.code);
        assertEquals(1, none.err.lines().count(), none.err);
        assertTrue(none.err.startsWith("modq: no Java runtime found"), none.err);
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        throw new AssertionError("no " + tool);
    }

    private static Map<String, String> env() {
        return Map.of("PATH", Path.of(ChildJvm.java()).getParent() + File.pathSeparator + "/usr/bin:/bin");
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
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished: " + cmd);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
