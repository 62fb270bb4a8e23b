package dev.modq.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SshPublicKeyTest {

    /** Made with ssh-keygen -t ed25519 -C alice@laptop; `ssh-keygen -lf` printed the fingerprint below. */
    public static final String ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBLXCTnmsajLTjq/6wDB1zo79ijwIWHNVNnt8TTU/cXj alice@laptop";
    public static final String ALICE_FP = "SHA256:IZg1vNgH68ubrD4599nNcM+c9x8wHajsZD/0tkTmsAI";

    @Test
    void parsesAPubFileWithTheFingerprintSshKeygenPrints() {
        SshPublicKey k = SshPublicKey.parse("# a comment line\n" + ALICE + "\n");
        assertEquals("ssh-ed25519", k.type());
        assertEquals("alice@laptop", k.comment());
        assertEquals(ALICE_FP, k.fingerprint());
        assertEquals(ALICE.substring(0, ALICE.lastIndexOf(' ')), k.keyText());
    }

    @Test
    void theCommentIsOptional() {
        assertNull(SshPublicKey.parse(ALICE.substring(0, ALICE.lastIndexOf(' '))).comment());
    }

    @Test
    void refusesPrivateKeysGarbageAndMismatchedTypes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n")).getMessage().contains("private key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("garbage"))
                .getMessage().contains("not an SSH public key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("ssh-dss AAAA"))
                .getMessage().contains("unsupported key type"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("ssh-ed25519 !!!notbase64"))
                .getMessage().contains("not valid base64"));
        String rsaClaim = "ssh-rsa " + ALICE.split(" ")[1];
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(rsaClaim))
                .getMessage().contains("does not hold a ssh-rsa key"));
        assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("\n\n"));
    }
}
