package dev.modq.cli;

import dev.modq.store.Stores;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code modq --version}: the version, the schema it brings, and the git commit and date of the build, all
 * written into {@code build.properties} by the build ("unknown commit" when built from a tree without .git).
 */
public final class VersionProvider implements IVersionProvider {

    static final String BUILD_INFO = "build.properties";

    @Override
    public String[] getVersion() {
        Properties build = buildInfo();
        return new String[]{
                "modq " + value(build, "version", "dev") + " (schema V"
                        + String.format("%03d", Stores.bundledSchemaVersion()) + ")",
                commit(value(build, "commit", "")) + ", built " + value(build, "date", "at an unknown date")};
    }

    static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable build stamp is no reason to fail --version: it says "unknown" instead
        }
        return p;
    }

    private static String commit(String commit) {
        return commit.isEmpty() || commit.equals("unknown") ? "unknown commit" : "commit " + commit;
    }

    /** A value the build left unfilled (run from an IDE's copy of the resource) counts as missing. */
    private static String value(Properties p, String key, String missing) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? missing : v;
    }
}
