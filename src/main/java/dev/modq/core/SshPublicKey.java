package dev.modq.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * An SSH public key as one line of an authorized_keys or {@code .pub} file ({@code TYPE BASE64 [COMMENT]}), checked:
 * a known type, valid base64, and a blob whose first field names the same type. The fingerprint is what
 * {@code ssh-keygen -l} prints: {@code SHA256:} and the unpadded base64 of the blob's SHA-256.
 */
public record SshPublicKey(String type, String base64, String comment, String fingerprint) {

    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

    /** The key as authorized_keys writes it, without the comment. */
    public String keyText() {
        return type + " " + base64;
    }

    /** Parses the first key line of {@code text}; IllegalArgumentException names what is wrong. */
    public static SshPublicKey parse(String text) {
        String line = firstKeyLine(text);
        String[] parts = line.split("\\s+", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an SSH public key (expected 'TYPE BASE64 [COMMENT]', as in a .pub file)");
        }
        String type = parts[0];
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported key type '" + clip(type) + "' (use ssh-ed25519, ecdsa-sha2-*"
                    + " or ssh-rsa; a private key is never wanted: give the .pub file)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " key is not valid base64");
        }
        if (!type.equals(blobType(blob))) {
            throw new IllegalArgumentException("the " + type + " key's data does not hold a " + type + " key (damaged?)");
        }
        String comment = parts.length == 3 ? parts[2].strip() : null;
        return new SshPublicKey(type, parts[1], comment == null || comment.isEmpty() ? null : comment, fingerprintOf(blob));
    }

    /** {@code SHA256:...} of a key blob (the SSH wire encoding of the public key). */
    public static String fingerprintOf(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static String firstKeyLine(String text) {
        if (text.startsWith("-----BEGIN")) {
            throw new IllegalArgumentException("that is a private key or PEM file; give the public key (the .pub file)");
        }
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return s;
            }
        }
        throw new IllegalArgumentException("no key in the input (expected one line 'TYPE BASE64 [COMMENT]')");
    }

    private static String blobType(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        int len = b.getInt();
        if (len <= 0 || len > blob.length - 4 || len > 64) {
            return null;
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
