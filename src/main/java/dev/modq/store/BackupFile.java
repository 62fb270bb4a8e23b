package dev.modq.store;

import dev.modq.core.Status;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The file side of {@code modq backup}, whatever writes the copy: a new SQLite file, written under a temporary name
 * beside the target (owner-only), synced to disk, verified by opening it read-only and running the full check, and
 * only then given the target's name (a hard link, which never replaces an existing file, then the directory synced).
 * So a backup killed at any point leaves no file under the target's name that looks like a backup; its temporary
 * file is removed by the next backup into that directory.
 */
public final class BackupFile {

    /** Test hook: a backup whose copy is written stops dead (as a kill would) instead of verifying it. */
    public static final String TEST_HALT_AFTER_COPY = "modq.test.backupHaltAfterCopy";

    private static final String TEMP_MARK = ".modq-backup-";
    private static final String TEMP_END = ".tmp";

    private BackupFile() {
    }

    /**
     * Has {@code write} fill a new, empty owner-only file (the temporary one), then syncs, verifies and names it
     * {@code target}; a copy whose integrity check fails is removed again. Never overwrites {@code target}.
     */
    public static BackupResult write(Path target, Consumer<Path> write) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("directory " + dir + " does not exist: create it first or choose another backup file");
        }
        requireAbsent(target);
        removeLeftovers(dir);
        Path temp = dir.resolve("." + target.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + TEMP_END);
        createOwnerOnly(temp);
        try {
            write.accept(temp);
            sync(temp);
            if (Boolean.getBoolean(TEST_HALT_AFTER_COPY)) {
                Runtime.getRuntime().halt(137);
            }
            BackupResult result = verify(temp);
            if (result.check().result(CheckReport.INTEGRITY).ok()) {
                publish(temp, target);
            }
            return new BackupResult(target, result.bytes(), result.counts(), result.comments(), result.auditEntries(),
                    result.check());
        } finally {
            deleteQuietly(temp); // after publishing, only the temporary name goes: the target is a hard link
        }
    }

    private static void requireAbsent(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(target + " already exists: backup never overwrites a file; choose a new name");
        }
    }

    /** The target's name appears only now, atomically, and never over an existing file. */
    private static void publish(Path temp, Path target) {
        try {
            try {
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                Files.move(temp, target); // a file system without hard links: no atomic no-clobber, but no overwrite
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(target + " appeared while the backup was written: backup never overwrites a file;"
                    + " choose a new name");
        } catch (IOException e) {
            throw new StoreException("cannot name the backup " + target + ": " + e.getMessage(), e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Temporary files of backups that were killed (their process is gone); a running backup's file is left alone. */
    private static void removeLeftovers(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + TEMP_MARK + "*" + TEMP_END + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int from = name.lastIndexOf(TEMP_MARK) + TEMP_MARK.length();
                int to = name.indexOf(TEMP_END, from);
                String pid = to < 0 ? "" : name.substring(from, to);
                if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a leftover that cannot be listed or removed is harmless: it never has the target's name
        }
    }

    private static BackupResult verify(Path copyFile) {
        try (Store copy = Stores.open(copyFile, OpenOptions.readOnlyExisting())) {
            CheckReport check = copy.check();
            Map<Status, Long> counts = copy.countsByStatus();
            return new BackupResult(copyFile, size(copyFile), counts, check.comments(), check.auditEntries(), check);
        }
    }

    private static void createOwnerOnly(Path file) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is already on disk
        }
    }

    private static void sync(Path target) {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new StoreException("cannot sync " + target + " to disk: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // best effort: the error that got us here is the one to report
            }
        }
    }
}
