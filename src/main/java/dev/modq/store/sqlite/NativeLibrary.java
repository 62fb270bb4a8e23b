package dev.modq.store.sqlite;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Points sqlite-jdbc at one extracted copy of its native library per user, instead of letting every process
 * extract its own into /tmp. Two reasons: extraction costs ~100 ms of every start, and the driver's clean-up
 * of other processes' copies races with them — with several modq processes at once it printed stack traces
 * (NoSuchFileException) on stderr. The driver's temp directory becomes the same private cache, where nothing
 * is extracted, so its clean-up has nothing to race over. Any failure leaves the driver's defaults in place.
 */
final class NativeLibrary {

    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final String TMP_DIR = "org.sqlite.tmpdir";

    private NativeLibrary() {
    }

    static synchronized void prepare() {
        if (System.getProperty(LIB_PATH) != null) {
            return;
        }
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            Path dir = cacheRoot().resolve("native").resolve(driverVersion() + "-" + folder.replace('/', '-'));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                extract("/org/sqlite/native/" + folder + "/" + name, dir, lib);
            }
            System.setProperty(LIB_PATH, dir.toString());
            System.setProperty(LIB_NAME, name);
            System.setProperty(TMP_DIR, dir.toString());
        } catch (IOException | RuntimeException e) {
            // the driver extracts to /tmp by itself, as it would without us
        }
    }

    /** Writes a temporary copy beside the target and renames it: a concurrent start never loads half a file. */
    private static void extract(String resource, Path dir, Path lib) throws IOException {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no bundled native library " + resource);
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "extract-", ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * The launcher's checked per-user cache directory ({@code -Dmodq.cache.dir}), else $XDG_CACHE_HOME/modq or
     * $HOME/.cache/modq. Never user.home: with HOME unset (systemd, env -i) it can be "?" or "/", and a native
     * library must only ever be loaded from a directory of our own.
     */
    private static Path cacheRoot() throws IOException {
        String fromLauncher = System.getProperty("modq.cache.dir");
        if (fromLauncher != null && Path.of(fromLauncher).isAbsolute()) {
            return Path.of(fromLauncher);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "modq");
        }
        String home = System.getenv("HOME");
        if (home != null && Path.of(home).isAbsolute()) {
            return Path.of(home, ".cache", "modq");
        }
        throw new IOException("no per-user cache directory (HOME is not set)");
    }

    /** The cache is per driver version: a newer modq never loads an older library. */
    private static String driverVersion() {
        return SQLiteJDBCLoader.getVersion();
    }
}
