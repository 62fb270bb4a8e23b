package dev.modq.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the migrations packed with the program under one location on the classpath (in a jar or a directory):
 * {@code db/migrations} for SQLite, {@code db/migrations/postgresql} for PostgreSQL. Only the location's own files
 * count, never those of a sub-directory (the PostgreSQL files sit below SQLite's).
 */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    public static List<Migration> bundled(String location) {
        URL url = MigrationFiles.class.getClassLoader().getResource(location);
        if (url == null) {
            throw new IllegalStateException("the program has no " + location + " on its classpath: the build is broken");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return fromJar(url, location);
            }
            return fromDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled migrations at " + url + ": " + e.getMessage(), e);
        }
    }

    public static List<Migration> fromDirectory(Path dir) throws IOException {
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (Migration.isMigrationFile(name)) {
                    migrations.add(Migration.of(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        checkNoDuplicateVersions(migrations);
        return migrations;
    }

    /**
     * Lists the migrations through the jar the class loader already has open: opening a zip file system for it
     * would cost tens of milliseconds on every start of a one-shot command.
     */
    private static List<Migration> fromJar(URL url, String location) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(true);
        JarFile jar = connection.getJarFile();
        List<Migration> migrations = new ArrayList<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!name.startsWith(location + "/")) {
                continue;
            }
            String fileName = name.substring(location.length() + 1);
            if (Migration.isMigrationFile(fileName)) {
                migrations.add(Migration.of(fileName, read(jar.getInputStream(entry))));
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        checkNoDuplicateVersions(migrations);
        return migrations;
    }

    private static void checkNoDuplicateVersions(List<Migration> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new IllegalStateException("two migrations share version " + sorted.get(i).version() + ": "
                        + sorted.get(i - 1).fileName() + " and " + sorted.get(i).fileName());
            }
        }
    }

    static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
