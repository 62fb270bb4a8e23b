package dev.modq.cli;

import dev.modq.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code modq init --group NAME}: the database file (and its -wal/-shm) owned by a shared group, mode 0660, so a team
 * with one Unix account per moderator can work on one file. The directory must also be group-writable with setgid,
 * because SQLite creates the -wal and -shm files beside the database; that needs the directory's owner, so we only
 * say how.
 */
final class GroupSharing {

    private static final int GROUP_WRITE = 0020;
    private static final int GROUP_EXEC = 0010;
    private static final int SETGID = 02000;

    private GroupSharing() {
    }

    /** Fails with exit code 2 before anything is created when the group does not exist. */
    static GroupPrincipal lookup(Path db, String group) {
        if (group.isBlank()) {
            throw new UsageException("--group needs a group name");
        }
        try {
            return db.toAbsolutePath().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            throw new UsageException("unknown group '" + group + "': create it first (sudo groupadd " + group
                    + ") and add each moderator's account to it");
        } catch (IOException | UnsupportedOperationException e) {
            throw new UsageException("cannot look up group '" + group + "': " + e.getMessage());
        }
    }

    /** Gives the files to the group; returns the lines to tell the user (what to do about the directory). */
    static List<String> share(Path db, String groupName, GroupPrincipal group) {
        List<Path> files = new ArrayList<>();
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Path p = Path.of(db + suffix);
            if (Files.exists(p)) {
                files.add(p);
            }
        }
        for (Path p : files) {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
            if (view == null) {
                throw new StoreException("cannot share " + p + " with a group: this file system has no Unix permissions");
            }
            try {
                view.setGroup(group);
                view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
            } catch (IOException e) {
                throw new StoreException("cannot give " + p + " to group " + groupName + ": " + reason(e)
                        + " (you must own the file and be a member of " + groupName + ")", e);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("modq: " + db + " is now shared with group " + groupName + " (mode 0660)");
        Path dir = db.toAbsolutePath().getParent();
        if (!directoryShared(dir, db)) {
            lines.add("modq: directory " + dir + " must be group-writable with setgid, so each moderator can create the"
                    + " -wal and -shm files; run:");
            lines.add("  sudo chgrp " + groupName + " " + dir + " && sudo chmod g+rwxs " + dir);
        } else {
            lines.add("modq: directory " + dir + " is group-writable with setgid: ready for the team");
        }
        lines.add("modq: add each moderator with `modq moderator add NAME`; see docs/team-setup.md");
        return lines;
    }

    private static boolean directoryShared(Path dir, Path db) {
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode");
            int dirGid = (Integer) Files.getAttribute(dir, "unix:gid");
            int dbGid = (Integer) Files.getAttribute(db, "unix:gid");
            return (mode & GROUP_WRITE) != 0 && (mode & GROUP_EXEC) != 0 && (mode & SETGID) != 0 && dirGid == dbGid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // cannot tell: print the commands, they are harmless to repeat
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            m = fse.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
