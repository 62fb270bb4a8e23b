package dev.modq.store.sqlite;

import dev.modq.core.Status;
import dev.modq.store.StoreException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * {@code modq backup}: an online copy with {@code VACUUM INTO}, which reads one consistent snapshot while others keep
 * writing. The target is created first, owner-only and only if it does not exist (never overwritten), then filled,
 * synced to disk, and verified by opening the copy read-only and running the full {@link HealthCheck} on it.
 */
public final class Backup {

    /** What was written and what the copy holds. */
    public record Result(Path file, long bytes, Map<Status, Long> counts, long comments, long auditEntries,
                         CheckReport check) {
    }

    private Backup() {
    }

    public static Result copy(SqliteStore source, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("directory " + dir + " does not exist: create it first or choose another backup file");
        }
        createOwnerOnly(target);
        boolean keep = false;
        try {
            source.sql("copying the database to " + target, () -> {
                try (PreparedStatement ps = source.connection().prepareStatement("VACUUM INTO ?")) {
                    ps.setString(1, target.toAbsolutePath().toString());
                    ps.execute();
                }
                return null;
            });
            sync(target);
            Result result = verify(target);
            keep = result.check().result(CheckReport.INTEGRITY).ok();
            return result;
        } finally {
            if (!keep) {
                deleteQuietly(target);
            }
        }
    }

    private static Result verify(Path target) {
        try (SqliteStore copy = SqliteStore.openReadOnly(target)) {
            CheckReport check = HealthCheck.run(copy);
            Map<Status, Long> counts = copy.countsByStatus();
            long bytes = size(target);
            return new Result(target, bytes, counts, check.comments(), check.auditEntries(), check);
        }
    }

    private static void createOwnerOnly(Path target) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(target + " already exists: backup never overwrites a file; choose a new name");
        } catch (IOException e) {
            throw new StoreException("cannot create " + target + ": " + e.getMessage(), e);
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

    private static void deleteQuietly(Path target) {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(target + suffix));
            } catch (IOException ignored) {
                // best effort: the error that got us here is the one to report
            }
        }
    }
}
