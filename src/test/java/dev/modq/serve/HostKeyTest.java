package dev.modq.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostKeyTest {

    @TempDir
    Path dir;

    @Test
    void madeOnFirstStartWithMode0600AndTheSameOnTheNext() throws Exception {
        HostKey first = HostKey.loadOrCreate(dir.resolve("state"));
        assertTrue(first.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
        assertTrue(first.fingerprint().startsWith("SHA256:") && first.fingerprint().length() == 50, first.fingerprint());
        assertTrue(Files.readString(first.file()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        HostKey again = HostKey.loadOrCreate(dir.resolve("state"));
        assertFalse(again.created());
        assertEquals(first.fingerprint(), again.fingerprint());
    }

    @Test
    void aKeyOthersMayReadIsRefusedInOneLine() throws Exception {
        HostKey key = HostKey.loadOrCreate(dir);
        Files.setPosixFilePermissions(key.file(), PosixFilePermissions.fromString("rw-r--r--"));
        ServeException e = assertThrows(ServeException.class, () -> HostKey.loadOrCreate(dir));
        assertTrue(e.getMessage().contains("has mode rw-r--r--") && e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnreadableOrDamagedKeyIsRefusedInOneLine() throws Exception {
        Path file = dir.resolve(HostKey.FILE_NAME);
        Files.writeString(file, "not a key\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ServeException e = assertThrows(ServeException.class, () -> HostKey.loadOrCreate(dir));
        assertTrue(e.getMessage().startsWith("host key " + file) || e.getMessage().startsWith("cannot read the host key"),
                e.getMessage());
        Path link = dir.resolve("linked");
        Files.createDirectories(link);
        Files.createSymbolicLink(link.resolve(HostKey.FILE_NAME), file);
        assertTrue(assertThrows(ServeException.class, () -> HostKey.loadOrCreate(link)).getMessage()
                .contains("symbolic link"));
    }
}
