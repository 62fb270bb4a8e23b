package dev.modq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under LANG=C the jar writes UTF-8 (as the text UI does), not "?" for every non-ASCII character. */
class LocaleIT {

    @TempDir
    Path dir;

    @Test
    void listWritesUtf8UnderLangC() throws Exception {
        String jar = System.getProperty("modq.jar", "target/modq.jar");
        Path db = dir.resolve("demo.db");
        assertEquals(0, run(List.of("java", "-jar", jar, "demo", "--no-open", "--db", db.toString())).exit);
        Result r = run(List.of("java", "-jar", jar, "list", "--db", db.toString(), "--status", "all",
                "--fields", "author_name", "--format", "csv"));
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("Carlos García"), r.out);
        assertFalse(r.out.contains("Garc?a"), r.out);
        assertFalse(r.out.contains("locale"), "a pipe gets no note: " + r.out);
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        env.put("LANG", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }
}
