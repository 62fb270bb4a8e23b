package dev.modq.serve;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Set;

/**
 * The server's Ed25519 host key, in OpenSSH format, made on first start with mode 0600. A key file that others may
 * read (group or world bits), that someone else owns, or that is a symlink is refused: whoever reads it can pose as
 * the server.
 */
public final class HostKey {

    public static final String FILE_NAME = "ssh_host_ed25519_key";

    private final KeyPair pair;
    private final Path file;
    private final boolean created;

    private HostKey(KeyPair pair, Path file, boolean created) {
        this.pair = pair;
        this.file = file;
        this.created = created;
    }

    /** Loads the key in {@code dir}, or makes one; ServeException with one line when it cannot. */
    public static HostKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return new HostKey(create(file), file, true);
            } catch (FileAlreadyExistsException raced) {
                // another server made it meanwhile: load theirs
            } catch (IOException | GeneralSecurityException e) {
                throw new ServeException("cannot create the host key " + file + ": " + e.getMessage()
                        + " (is " + dir + " writable by " + System.getProperty("user.name") + "?)");
            }
        }
        requirePrivate(file);
        return new HostKey(load(file), file, false);
    }

    public KeyPairProvider provider() {
        return KeyPairProvider.wrap(pair);
    }

    public Path file() {
        return file;
    }

    public boolean created() {
        return created;
    }

    /** SHA256:... as `ssh-keygen -l` and the ssh client's first-connection prompt show it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    private static KeyPair create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Files.createDirectories(file.getParent());
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "modq serve host key", null, out);
        }
        return pair;
    }

    private static void requirePrivate(Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new ServeException("host key " + file + " is a symbolic link: refusing it (make it a plain file,"
                        + " mode 0600)");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            boolean others = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            if (others) {
                throw new ServeException("host key " + file + " has mode " + PosixFilePermissions.toString(perms)
                        + ": others may read it; run `chmod 600 " + file + "` (and make a new key if it leaked)");
            }
            if (!owner.getName().equals(me.getName())) {
                throw new ServeException("host key " + file + " belongs to " + owner.getName() + ", not to "
                        + me.getName() + " who runs the server: `chown " + me.getName() + " " + file + "`");
            }
        } catch (IOException e) {
            throw new ServeException("cannot read the host key " + file + ": " + e.getMessage());
        }
    }

    private static KeyPair load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in,
                    FilePasswordProvider.EMPTY);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new ServeException("host key " + file + " holds no key: move it away and start again to make one");
            }
            return it.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ServeException s) {
                throw s;
            }
            throw new ServeException("cannot read the host key " + file + ": " + e.getMessage()
                    + " (move it away and start again to make a new one)");
        }
    }
}
