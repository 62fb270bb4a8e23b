package dev.modq.io;

import dev.modq.testing.CliRun;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static dev.modq.io.CliHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stdin, FIFOs and gzip: what `ssh blog wp export --stdout | modq import -` needs. */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class PipesTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    CliHarness modq;

    @BeforeEach
    void setUp() {
        modq = new CliHarness(backend, dir);
    }

    private CliRun importStdin(byte[] input, String... args) {
        String[] all = ImportCommandTest.prepend("import", args);
        return dev.modq.testing.CliRun.onDb(modq.db, new ByteArrayInputStream(input), null, all);
    }

    @Test
    void dashReadsStdinAndDetectsTheFormat() throws Exception {
        CliRun r = importStdin(Files.readAllBytes(Path.of(RealExportsTest.real("wordpress-importer-note-comments.xml"))),
                "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("modq: stdin (wxr): comments 1 new"), r.err());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesFromAFileAndFromStdin() throws Exception {
        byte[] gz = gzip(Files.readAllBytes(fixture("disqus.xml")));
        Path file = CliHarness.write(dir, "export.bin", gz);
        CliRun r = modq.run("import", "--report", "json", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"format\":\"disqus\",\"comments\":{\"new\":6"), r.out());
        CliRun again = importStdin(gzip(Files.readAllBytes(fixture("comments.jsonl"))), "-");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("stdin (jsonl): comments"), again.err());
    }

    @Test
    void aFifoIsReadLikeAFile() throws Exception {
        Path fifo = dir.resolve("export.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        byte[] content = Files.readAllBytes(fixture("comments.jsonl"));
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRun r = modq.run("import", fifo.toString());
        writer.join(60_000);
        assertFalse(writer.isAlive(), "the import never opened the FIFO: " + r.err());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(jsonl): comments 3 new"), r.err());
    }

    @Test
    void aFifoWithoutAWriterYetHoldsNoLock() throws Exception {
        assertEquals(0, modq.run("import", fixture("comments.jsonl").toString()).code());
        Path fifo = dir.resolve("slow.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        java.util.concurrent.CompletableFuture<CliRun> waiting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> modq.run("import", fifo.toString()));
        String id = modq.one("SELECT id FROM comments WHERE source_id = 'c1'");
        CliRun approve = dev.modq.testing.CliRun.run(new ByteArrayInputStream(new byte[0]), null, "--db",
                modq.db.toString(), "reject", id, "--reason", "spam");
        assertEquals(0, approve.code(), "a decision while the import waits for its input: " + approve.err());
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write(Files.readAllBytes(fixture("disqus.xml")));
        }
        CliRun r = waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(disqus): comments 6 new"), r.err());
    }

    @Test
    void anUndetectableStreamAsksForFormat() {
        CliRun r = importStdin("hello\n".getBytes(StandardCharsets.UTF_8), "-");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("stdin: cannot tell the format (it starts with \"hello\"): pass --format"), r.err());
    }

    static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }
}
