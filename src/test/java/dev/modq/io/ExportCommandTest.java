package dev.modq.io;

import dev.modq.core.CommentKind;
import dev.modq.core.Decision;
import dev.modq.core.Status;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class ExportCommandTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;

    @BeforeEach
    void importAndDecide() {
        modq = new CliHarness(backend, dir.resolve("a").toFile().mkdirs() ? dir.resolve("a") : dir);
        assertEquals(0, modq.run("import", fixture("wxr-1.2.xml").toString(), fixture("disqus.xml").toString()).code());
        decide(Decision.APPROVE, null, "103");
        decide(Decision.REJECT, "spam", "105");
        decide(Decision.REJECT, "abuse", "102");
        decide(Decision.FLAG, null, "104");
    }

    private void decide(Decision decision, String reason, String wordpressId) {
        long id = Long.parseLong(modq.one("SELECT id FROM comments WHERE source_system = 'wordpress' AND source_id = '"
                + wordpressId + "'"));
        try (Store store = modq.database.open(OpenMode.EXISTING)) {
            new ModerationService(store, Actors.resolve(store, Actors.osUser(), null), Clock.systemUTC())
                    .decide(decision, List.of(Target.any(id)), DecideOptions.withReason(reason));
        }
    }

    private static List<String> pushLines(String script) {
        return script.lines().filter(l -> l.startsWith("push ")).toList();
    }

    @Test
    void wpCliPushesOnlyDecisionsTakenInModqAndLeavesFlaggedOut() {
        CliRun r = modq.run("export", "--format", "wp-cli");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("push approve 1 103", "push spam spam 105", "push trash trash 102"), pushLines(r.out()));
        assertTrue(r.out().startsWith("#!/bin/sh\n"), r.out());
        assertTrue(r.err().contains("1 flagged comment(s) left out"), r.err());
    }

    @Test
    void sinceKeepsOnlyRecentDecisions() {
        CliRun r = modq.run("export", "--format", "wp-cli", "--since", "1h");
        assertEquals(List.of("push approve 1 103", "push spam spam 105", "push trash trash 102"), pushLines(r.out()));
        assertEquals("", modq.run("export", "--format", "wp-cli", "--since", "2999-01-01").out());
    }

    @Test
    void statusFilter() {
        CliRun r = modq.run("export", "--format", "wp-cli", "--status", "rejected");
        assertEquals(List.of("push spam spam 105", "push trash trash 102"), pushLines(r.out()));
        assertTrue(r.out().contains("modq export --format wp-cli --status 'rejected' --confirm-pushed "), r.out());
        assertEquals(2, modq.run("export", "--status", "nonsense").code());
    }

    @Test
    void whereUsesTheQueryLanguage() {
        CliRun r = modq.run("export", "--format", "wp-cli", "--where", "status:approved");
        assertEquals(List.of("push approve 1 103"), pushLines(r.out()));
    }

    @Test
    void disqusIdsPerAction() {
        CliRun r = modq.run("export", "--format", "disqus-ids");
        assertEquals("", r.out(), "nothing was decided in modq on Disqus comments");
    }

    @Test
    void jsonLinesCarryDecisionsAndImportIntoAnotherDatabase() throws Exception {
        CliRun r = modq.run("export", "--format", "jsonl");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(15, lines.size());
        String abuse = lines.stream().filter(l -> l.contains("\"comment_id\":\"102\"")).findFirst().orElseThrow();
        assertTrue(abuse.contains("\"status\":\"rejected\",\"reason\":\"abuse\""), abuse);
        assertTrue(abuse.contains("\"decision\":\"reject\",\"decided_by\":\"" + Actors.osUser() + "\""), abuse);
        assertTrue(abuse.contains("\"source\":\"wordpress\",\"post_id\":\"10\",\"post_title\":\"Hello 世界\""), abuse);

        Path file = CliHarness.write(dir, "export.jsonl", r.out().getBytes(StandardCharsets.UTF_8));
        Path other = dir.resolve("b");
        Files.createDirectories(other);
        CliHarness second = new CliHarness(backend, other);
        assertEquals(0, second.run("import", file.toString()).code());
        String columns = "SELECT source_system, source_id, status, coalesce(reason, ''), body, created_at FROM comments"
                + " ORDER BY source_system, source_id";
        assertEquals(modq.rows(columns), second.rows(columns));
        String parents = "SELECT c.source_id, par.source_id FROM comments c JOIN comments par ON par.id = c.parent_id"
                + " ORDER BY 1";
        assertEquals(modq.rows(parents), second.rows(parents));
    }

    @Test
    void csvHasAHeaderAndQuotes() {
        CliRun r = modq.run("export", "--format", "csv", "--status", "approved");
        assertTrue(r.out().startsWith("source,post_id,post_title,post_url,comment_id,parent_id,author_name,"), r.out());
        assertTrue(r.out().contains(",<p>Plain &amp; escaped <b>HTML</b></p>,"), r.out());
        assertTrue(r.out().contains(",[…] linked here […],"), r.out());
    }

    @Test
    void wpCliLinesStayUnderTheLimitAndKeepEveryId() throws Exception {
        StringBuilder out = new StringBuilder();
        ExportWriter writer = ExportFormat.WP_CLI.writer(out);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = String.valueOf(1_000_000 + i);
            ids.add(id);
            writer.write(row(id, Status.APPROVED));
        }
        writer.write(row("12; rm -rf /", Status.APPROVED));
        writer.finish();
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.size() > 5);
        List<String> seen = new ArrayList<>();
        for (String line : lines) {
            assertTrue(line.length() <= 4000, line.length() + " chars");
            if (line.startsWith("push ")) {
                assertTrue(line.startsWith("push approve 1 "), line);
                seen.addAll(Arrays.asList(line.substring("push approve 1 ".length()).split(" ")));
            }
        }
        assertEquals(ids, seen);
        assertEquals(List.of("1 comment(s) left out: their WordPress id is not a plain number"), writer.notes());
    }

    private static ExportRow row(String sourceId, Status status) {
        return new ExportRow(1, 1, "wordpress", sourceId, "10", "t", null, null, "a", null, null, null, null, "b",
                CommentKind.COMMENT, Instant.EPOCH, status, null, 0, null, null, null, null, null, null, 7);
    }
}
