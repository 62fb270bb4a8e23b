package dev.modq.cli;

import dev.modq.core.query.When;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every time option reads the one grammar: what works for one command works for all of them. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class TimeOptionsTest {

    @Parameter
    TestStores.Backend backend;

    private static final List<List<String>> COMMANDS = List.of(
            List.of("list", "--status", "all"), List.of("count", "--status", "all"), List.of("log"), List.of("export"));

    @TempDir
    Path dir;

    @Test
    void everyCommandTakesAWeekAgo() {
        CliFixture fx = CliFixture.small(backend, dir);
        for (List<String> command : COMMANDS) {
            CliRun r = fx.run(with(command, "--since", "1w"));
            assertEquals(0, r.code(), command + ": " + r.err());
        }
    }

    @Test
    void everyCommandRefusesABadTimeWithTheSameLine() {
        CliFixture fx = CliFixture.small(backend, dir);
        for (List<String> command : COMMANDS) {
            CliRun r = fx.run(with(command, "--since", "1y"));
            assertEquals(2, r.code(), command.toString());
            assertTrue(r.err().contains("'1y' is not a time: " + When.HINT), command + ": " + r.err());
        }
    }

    @Test
    void aDurationMeansTheSameAsTheQueryTerm() {
        CliFixture fx = CliFixture.small(backend, dir);  // comments from 2026-01-05: all older than a week
        assertEquals("", fx.run("list", "--status", "all", "--since", "1w", "--format", "ids").out());
        assertEquals("1\n2\n3\n4\n5\n6\n", fx.run("list", "--status", "all", "--until", "1w", "--format", "ids").out());
        assertEquals(fx.run("list", "--status", "all", "--until", "1w", "--format", "ids").out(),
                fx.run("list", "--where", "status:all before:1w", "--format", "ids").out());
        assertEquals("6\n", fx.run("count", "--status", "all", "--until", "1w").out());
    }

    private static String[] with(List<String> command, String... more) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
