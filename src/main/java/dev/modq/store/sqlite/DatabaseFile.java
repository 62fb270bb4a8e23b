package dev.modq.store.sqlite;

import dev.modq.store.OpenMode;
import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Checks a database path before SQLite touches it, so a wrong path gets one clear line and nothing on disk
 * changes: a missing directory, a file that is not SQLite, a database that does not exist yet.
 */
final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /** Validates the path; creates an empty owner-only file in CREATE mode. Returns whether it is writable. */
    static boolean prepare(Path path, OpenMode mode) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("directory " + dir + " does not exist: create it first or choose another --db");
        }
        if (Files.isDirectory(path)) {
            throw new StoreException(path + " is a directory, not a database file: pass a file path to --db");
        }
        if (!Files.exists(path)) {
            if (!Files.isExecutable(dir) || !Files.isReadable(dir)) {
                throw new StoreException(FileAccess.unreachable(path, dir));
            }
            if (mode == OpenMode.EXISTING) {
                throw new StoreException("no modq database at " + path + ": create one with `modq init --db " + path
                        + "` or set MODQ_DB");
            }
            if (createOwnerOnly(path, dir)) {
                return true;
            }
            // another `modq init` created it a moment ago: go on as with any existing file
        }
        if (!Files.isReadable(path)) {
            String group = FileAccess.group(path);
            throw new StoreException("cannot read " + path + ": permission denied (" + FileAccess.describe(path)
                    + "); ask its owner for access" + (group == null ? "" : ", e.g. membership of group " + group
                    + " (docs/team-setup.md)"));
        }
        requireSqliteHeader(path, mode);
        return isWritable(path, dir);
    }

    /** False when the file appeared meanwhile (a concurrent init). */
    private static boolean createOwnerOnly(Path path, Path dir) {
        if (FileAccess.onReadOnlyFileSystem(dir)) {
            throw new StoreReadOnlyException("cannot create " + path + ": " + dir + " is on a read-only file system;"
                    + " choose a --db on a writable one");
        }
        if (!Files.isWritable(dir)) {
            throw new StoreReadOnlyException("cannot create " + path + ": directory " + dir + " is not writable for you ("
                    + FileAccess.describe(dir) + "); choose another --db or ask its owner");
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    private static void requireSqliteHeader(Path path, OpenMode mode) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                // SQLite would take an empty file as an empty database and modq would set it up: only init may
                if (mode == OpenMode.EXISTING) {
                    throw new StoreException(path + " is empty, not a modq database: run `modq init --db " + path
                            + "` to make it one, or check the --db path");
                }
                return;
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw new StoreException(path + " is not a SQLite database: check the --db path");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** WAL mode needs to write the -wal and -shm files beside the database as well as the file itself. */
    private static boolean isWritable(Path path, Path dir) {
        if (!Files.isWritable(path)) {
            return false;
        }
        if (Files.isWritable(dir)) {
            return true;
        }
        Path wal = Path.of(path + "-wal");
        Path shm = Path.of(path + "-shm");
        return Files.isWritable(wal) && Files.isWritable(shm);
    }
}
