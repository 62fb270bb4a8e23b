package dev.modq.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile inputs streamed (never written to disk) into `modq import -` in a child JVM with a 256 MB heap:
 * each ends with one line naming the limit, never with an OutOfMemoryError.
 */
class ImportMemoryIT {

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void init() throws Exception {
        db = dir.resolve("modq.db");
        Process p = new ProcessBuilder(command(List.of("init"))).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                ChildJvm.jar().toString(), "--db", db.toString()));
        cmd.addAll(args);
        return cmd;
    }

    /** Something that writes the stream; it stops (broken pipe) when modq gives up. */
    @FunctionalInterface
    interface Stream {
        void writeTo(OutputStream out) throws IOException;
    }

    private String refused(Stream input, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.add("-");
        Process p = new ProcessBuilder(command(all)).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        Thread writer = new Thread(() -> {
            try (OutputStream out = p.getOutputStream()) {
                input.writeTo(out);
            } catch (IOException closedByModq) {
                // expected: modq stops reading at the limit
            }
        });
        writer.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "modq finished");
        writer.interrupt();
        String err = Files.readString(dir.resolve("err"));
        assertFalse(err.contains("OutOfMemoryError"), err);
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        return err;
    }

    private static void repeat(OutputStream out, String unit, long times) throws IOException {
        byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes(StandardCharsets.UTF_8);
        long per = Math.max(1, 65536 / unit.length());
        for (long i = 0; i < times; i += per) {
            out.write(chunk);
        }
    }

    @Test
    void aFiftyMegabyteWxrComment() throws Exception {
        String err = refused(out -> {
            out.write(("<?xml version=\"1.0\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item>"
                    + "<wp:post_id>1</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>")
                    .getBytes(StandardCharsets.UTF_8));
            repeat(out, "spam ", 10_000_000);
        });
        assertTrue(err.contains("stdin:1:") && err.contains("a text of more than 6,291,456 characters"), err);
    }

    @Test
    void aTwoHundredMegabyteCsvField() throws Exception {
        String err = refused(out -> {
            out.write("post_id,comment_id,created_at,body\np,1,2024-01-01,\"".getBytes(StandardCharsets.UTF_8));
            repeat(out, "x", 200_000_000);
        });
        assertTrue(err.contains("stdin:2 (record 1): a field of more than 6,291,456 characters"), err);
    }

    @Test
    void aCsvRecordOfFiftyMillionFields() throws Exception {
        String err = refused(out -> {
            out.write("post_id,comment_id,created_at,body\n".getBytes(StandardCharsets.UTF_8));
            repeat(out, ",", 52_000_000);
        });
        assertTrue(err.contains("more than 1,000 fields in one record"), err);
    }

    @Test
    void devZeroAsCsv() throws Exception {
        String err = refused(out -> repeat(out, "\u0000", 4_000_000_000L), "--format", "csv");
        assertTrue(err.contains("a field of more than") || err.contains("a record of more than"), err);
    }

    @Test
    void aJsonLineWithSixMillionMetaKeys() throws Exception {
        String err = refused(out -> {
            out.write("{\"post_id\":\"p\",\"comment_id\":\"c\",\"created_at\":\"2024-01-01\",\"meta\":{"
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 6_000_000; i++) {
                out.write(("\"k" + i + "\":\"v\",").getBytes(StandardCharsets.UTF_8));
            }
        });
        assertTrue(err.contains("more than 1000 meta keys in one record"), err);
    }
}
