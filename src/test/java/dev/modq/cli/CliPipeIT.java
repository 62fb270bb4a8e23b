package dev.modq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real jar in a real shell pipeline: `modq list --format ids | modq reject -`. */
class CliPipeIT {

    @TempDir
    Path dir;

    @Test
    void listIdsPipedIntoRejectRejectsExactlyThem() throws Exception {
        CliFixture fx = CliFixture.small(dir);
        String jar = System.getProperty("modq.jar");
        assertTrue(jar != null && Files.exists(Path.of(jar)), "the packaged jar (modq.jar property): " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modq = q(java) + " -jar " + q(jar) + " --db " + q(fx.db.toString());
        String script = "set -o pipefail; " + modq + " list --format ids | " + modq + " reject - --reason spam";

        Process p = new ProcessBuilder("bash", "-c", script).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();

        assertEquals(0, code, err);
        assertEquals("", out);
        assertTrue(err.contains("modq: rejected 4; batch "), err);
        assertEquals("1|rejected\n2|rejected\n3|rejected\n4|approved\n5|flagged\n6|rejected\n",
                fx.queryText("SELECT id, status FROM comments ORDER BY id"));
        assertEquals(1, fx.scalar("SELECT count(*) FROM batches"));
    }

    @Test
    void aFullDiskIsOneLineAndExitOne() throws Exception {
        CliFixture fx = CliFixture.small(dir);
        for (String command : new String[] {"list --status all --format ids", "export", "list --format csv"}) {
            Result r = bash("set -o pipefail; " + modq(fx) + " " + command + " > /dev/full");
            assertEquals(1, r.code, command + ": " + r.err);
            assertEquals("modq: cannot write to stdout: No space left on device\n", r.err, command);
        }
    }

    /** 100,000 ids (~600 KB) are more than a pipe holds, so modq must meet the closed pipe and stop: exit 141. */
    @Test
    void aClosedPipeEndsTheListingQuietly() throws Exception {
        CliFixture fx = CliFixture.many(dir, 100_000);
        Result r = bash("set -o pipefail; " + modq(fx) + " list --format ids | head -1");
        assertEquals("1\n", r.out);
        assertEquals("", r.err);
        assertEquals(Stdout.BROKEN_PIPE, r.code, "modq noticed the pipe closed (it used to read on and exit 0)");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result bash(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    private static String modq(CliFixture fx) throws IOException {
        String jar = System.getProperty("modq.jar");
        assertTrue(jar != null && Files.exists(Path.of(jar)), "the packaged jar (modq.jar property): " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return q(java) + " -jar " + q(jar) + " --db " + q(fx.db.toString());
    }

    private static String q(String s) throws IOException {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
