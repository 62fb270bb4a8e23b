package dev.modq.cli;

import dev.modq.service.OsUser;

import java.nio.file.Path;
import java.util.Map;

/** Where the database is: --db, else $MODQ_DB, else the XDG data directory. */
final class DatabasePath {

    private DatabasePath() {
    }

    static Path resolve(Path option, Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get("MODQ_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return defaultPath(env);
    }

    static Path defaultPath(Map<String, String> env) {
        String dataHome = env.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("modq").resolve("modq.db");
    }

    /** The demo database lives apart from real ones, so `modq demo` can never overwrite a real queue. */
    static Path demoPath() {
        return Path.of(System.getProperty("java.io.tmpdir"), "modq-demo-" + OsUser.name() + ".db");
    }
}
