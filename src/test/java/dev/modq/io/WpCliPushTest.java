package dev.modq.io;

import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.service.Actors;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.Store;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wp-cli script run against a stand-in for WP-CLI that behaves like the real one: a batch stops at the first
 * comment already in the wanted state (exit 1), and a comment deleted in WordPress cannot be changed.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class WpCliPushTest {

    @Parameter
    TestStores.Backend backend;

    /** `wp comment ACTION ID...` and `wp comment get ID --field=comment_approved`, state kept in files. */
    private static final String FAKE_WP = """
            #!/bin/sh
            dir=$(dirname "$0")/state
            [ "$1" = comment ] || exit 2
            action=$2; shift 2
            if [ "$action" = get ]; then [ -f "$dir/$1" ] && cat "$dir/$1" && exit 0; exit 1; fi
            case $action in approve) s=1;; unapprove) s=0;; spam) s=spam;; trash) s=trash;; *) exit 2;; esac
            for id in "$@"; do
              [ -f "$dir/$id" ] || { echo "Error: Invalid comment ID." >&2; exit 1; }
              [ "$(cat "$dir/$id")" = "$s" ] && { echo "Error: Could not update comment status." >&2; exit 1; }
              printf %s "$s" > "$dir/$id"
            done
            """;

    @TempDir
    Path dir;
    CliHarness modq;
    Path bin;

    @BeforeEach
    void importAndDecide() throws Exception {
        modq = new CliHarness(backend, dir.resolve("db"));
        assertEquals(0, modq.run("import", fixture("wxr-1.2.xml").toString()).code());
        bin = dir.resolve("bin");
        Files.createDirectories(bin.resolve("state"));
        Path wp = bin.resolve("wp");
        Files.writeString(wp, FAKE_WP);
        assertTrue(wp.toFile().setExecutable(true));
        // WordPress's states as exported: 101, 102, 104, 105, 108 approved, 103 and 110 pending
        for (Map.Entry<String, String> e : Map.of("101", "1", "102", "1", "103", "0", "104", "1", "105", "1",
                "108", "1", "110", "0").entrySet()) {
            Files.writeString(bin.resolve("state").resolve(e.getKey()), e.getValue());
        }
    }

    private void decide(Decision decision, String reason, String... wordpressIds) {
        try (Store store = modq.database.open(OpenMode.EXISTING)) {
            ModerationService service = new ModerationService(store, Actors.resolve(store, Actors.osUser(), null),
                    Clock.systemUTC());
            for (String wpId : wordpressIds) {
                long id = Long.parseLong(modq.one("SELECT id FROM comments WHERE source_system = 'wordpress'"
                        + " AND source_id = '" + wpId + "'"));
                service.decide(decision, List.of(Target.any(id)), DecideOptions.withReason(reason));
            }
        }
    }

    private record Run(int code, String err) {
    }

    private Run runScript(String script) throws Exception {
        Path file = dir.resolve("decisions.sh");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("sh", file.toString()).redirectErrorStream(false);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), err);
    }

    private String state(String id) throws Exception {
        Path f = bin.resolve("state").resolve(id);
        return Files.exists(f) ? Files.readString(f) : "deleted";
    }

    @Test
    void commentsAlreadyInTheWantedStateNeitherStopTheOthersNorFailTheScript() throws Exception {
        Files.writeString(bin.resolve("state").resolve("103"), "1");  // approved on the site meanwhile
        decide(Decision.APPROVE, null, "103", "110");
        CliRun export = modq.run("export", "--format", "wp-cli");
        assertTrue(export.out().contains("push approve 1 103 110"), export.out());
        Run run = runScript(export.out());
        assertEquals(0, run.code(), run.err());
        assertEquals("1", state("110"), "the batch stopped at 103, and 110 was still approved");
        assertTrue(run.err().contains("modq: all 2 comment(s) are in the wanted state; confirm in modq with:"
                + " modq export --format wp-cli --confirm-pushed "), run.err());
    }

    @Test
    void aCommentChangedAtTheSourceIsListedAndTheScriptFailsAndConfirmLeavesItForNextTime() throws Exception {
        decide(Decision.REJECT, "spam", "105", "108");
        Files.delete(bin.resolve("state").resolve("105"));  // deleted in WordPress meanwhile
        String script = modq.run("export", "--format", "wp-cli").out();
        Run run = runScript(script);
        assertEquals(1, run.code(), run.err());
        assertEquals("spam", state("108"), "the rest of the batch still applied");
        assertTrue(run.err().contains("not applied (deleted or changed in WordPress?): 105"), run.err());
        String confirm = run.err().lines().filter(l -> l.contains("confirm the others")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("modq export --format wp-cli --confirm-pushed (\\d+) --except '([ 0-9]+)'").matcher(confirm);
        assertTrue(m.find(), confirm);
        CliRun confirmed = modq.run("export", "--format", "wp-cli", "--confirm-pushed", m.group(1), "--except", m.group(2));
        assertEquals(0, confirmed.code(), confirmed.err());
        assertTrue(confirmed.err().contains("1 decision(s) recorded as pushed"), confirmed.err());
        assertEquals(List.of("push spam spam 105"), modq.run("export", "--format", "wp-cli").out().lines()
                .filter(l -> l.startsWith("push ")).toList(), "only the unpushed decision comes again");
    }

    @Test
    void aScriptThatWasNeverRunIsEmittedAgainAndALaterDecisionSupersedesAPushedOne() throws Exception {
        decide(Decision.APPROVE, null, "103");
        String first = modq.run("export", "--format", "wp-cli").out();
        assertEquals(first, modq.run("export", "--format", "wp-cli").out(), "not confirmed: the same again");
        String decision = first.substring(first.lastIndexOf("--confirm-pushed ") + 17).split("[^0-9]")[0];
        assertEquals(0, modq.run("export", "--format", "wp-cli", "--confirm-pushed", decision).code());
        assertEquals("", modq.run("export", "--format", "wp-cli").out(), "nothing left to push");
        decide(Decision.REJECT, "abuse", "103");
        assertEquals(List.of("push trash trash 103"), modq.run("export", "--format", "wp-cli").out().lines()
                .filter(l -> l.startsWith("push ")).toList());
    }
}
