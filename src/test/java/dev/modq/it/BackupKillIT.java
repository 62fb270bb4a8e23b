package dev.modq.it;

import dev.modq.store.BackupFile;
import dev.modq.testing.CliRun;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backup that dies part-way leaves nothing under the backup's name (once it left a file that, with its
 * -journal, opened as an empty database that `check` called fine), and the next backup to that name works.
 */
class BackupKillIT {

    @TempDir
    Path dir;

    /** Deterministic: the child stops dead right after the copy is written and synced, before it is verified. */
    @Test
    void aBackupStoppedAfterTheCopyLeavesNoBackupAndTheNextRunSucceeds() throws Exception {
        Path db = demo(2_000);
        Path target = dir.resolve("copy.db");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Process p = ChildJvm.start(List.of(), List.of("-D" + BackupFile.TEST_HALT_AFTER_COPY + "=true"),
                List.of("backup", target.toString(), "--db", db.toString()), logs, "halt");
        assertEquals(137, p.waitFor(), ChildJvm.read(logs, "halt", "err"));

        assertFalse(Files.exists(target), "no file under the backup's name");
        List<Path> leftovers = temporaries();
        assertEquals(1, leftovers.size(), "the copy was written under a temporary name: " + leftovers);
        assertTrue(Files.size(leftovers.get(0)) > 100_000, "the halt came after the whole copy was written");

        assertSecondRunSucceeds(target);
    }

    /** A real SIGKILL while VACUUM INTO is writing the copy of a database large enough to take a while. */
    @Test
    void aBackupKilledMidCopyLeavesNoBackupAndTheNextRunSucceeds() throws Exception {
        Path db = demo(60_000);
        Path target = dir.resolve("copy.db");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        long dbSize = Files.size(db);
        Process p = ChildJvm.start(List.of(), List.of(), List.of("backup", target.toString(), "--db", db.toString()),
                logs, "kill");
        long copied = 0;
        while (p.isAlive() && copied == 0) {
            copied = temporaries().stream().mapToLong(BackupKillIT::size).sum();
            Thread.onSpinWait();
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        assertTrue(copied > 0 && copied < dbSize, "the kill landed while the copy was being written (" + copied + " of "
                + dbSize + " bytes); the child said: " + ChildJvm.read(logs, "kill", "err"));
        assertEquals(137, p.exitValue(), "killed, not finished");
        assertFalse(Files.exists(target), "no file under the backup's name");
        assertFalse(temporaries().isEmpty(), "the half copy (and its -journal) is under its temporary name");

        assertSecondRunSucceeds(target);
    }

    private void assertSecondRunSucceeds(Path target) throws IOException {
        Path db = dir.resolve("demo.db");
        CliRun again = CliRun.run("backup", target.toString(), "--db", db.toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.err().contains("copy verified"), again.err());
        assertEquals(List.of(), temporaries(), "the killed run's temporary file was cleaned up");
        assertEquals(0, CliRun.run("check", "--db", target.toString()).code());
        assertEquals(TestDb.longValue(db, "SELECT count(*) FROM comments"),
                TestDb.longValue(target, "SELECT count(*) FROM comments"));
    }

    private Path demo(int comments) {
        Path db = dir.resolve("demo.db");
        CliRun made = CliRun.run("demo", "--comments", String.valueOf(comments), "--no-open", "--db", db.toString());
        assertEquals(0, made.code(), made.toString());
        return db;
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".modq-backup-")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
