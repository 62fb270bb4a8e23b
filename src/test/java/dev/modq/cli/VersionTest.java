package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** modq --version says what it is: version, schema, the commit built and when (filled in by the build). */
class VersionTest {

    @Test
    void versionNamesTheCommitAndTheBuildTime() {
        CliRun r = CliRun.run("--version");
        assertEquals(0, r.code());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].matches("modq \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(schema V\\d{3}\\)"), lines[0]);
        boolean fromGit = Files.exists(Path.of(System.getProperty("modq.basedir", "."), ".git"));
        String commit = fromGit ? "commit [0-9a-f]{12}(-dirty)?" : "unknown commit";
        assertTrue(lines[1].matches(commit + ", built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines[1]);
    }
}
