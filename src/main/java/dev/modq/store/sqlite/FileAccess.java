package dev.modq.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Why a database file cannot be reached, read or written, in words that point at the real cause: a read-only
 * mount, a directory the user may not enter (not in its group), or file modes. Used for error lines only.
 */
final class FileAccess {

    private FileAccess() {
    }

    /** "owner root, group moderators, rwxrws---", or "" when the file system has no POSIX attributes. */
    static String describe(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            return "owner " + a.owner().getName() + ", group " + a.group().getName() + ", "
                    + PosixFilePermissions.toString(a.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** The group of a path, or null. */
    static String group(Path p) {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class).group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** True when the file system holding {@code p} (or its nearest existing parent) is mounted read-only. */
    static boolean onReadOnlyFileSystem(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** Advice for a user who may read but not write {@code db}: what to ask for, given why. */
    static String writeAdvice(Path db, boolean readOnlyFileSystem) {
        if (readOnlyFileSystem) {
            return "it is on a read-only file system: remount it read-write, or work on a copy elsewhere";
        }
        String group = group(db);
        return "ask its owner for write access" + (group == null ? "" : " (e.g. membership of group " + group
                + ", then log in again; see docs/team-setup.md)");
    }

    /** The message for a directory this user may not enter, so the file in it looks absent. */
    static String unreachable(Path db, Path dir) {
        String group = group(dir);
        return "cannot reach " + db + ": directory " + dir + " is closed to you (" + describe(dir) + ")"
                + (group == null ? "" : "; to moderate there, ask an admin to add you to group " + group
                + " and log in again (docs/team-setup.md)");
    }

    /** Free space is (nearly) gone on the file system holding {@code p}. */
    static boolean nearlyFull(Path p) {
        try {
            Path dir = p.toAbsolutePath().getParent();
            return dir != null && Files.getFileStore(dir).getUsableSpace() < 1024 * 1024;
        } catch (IOException e) {
            return false;
        }
    }
}
