package dev.modq.cli;

import dev.modq.service.OsUser;
import dev.modq.store.StoreException;
import dev.modq.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is: --db, else $MODQ_DB, else the XDG data directory. An address: a file path (SQLite) or a
 * server address such as {@code postgresql://host/db} (see {@link Stores}).
 */
final class DatabasePath {

    private DatabasePath() {
    }

    static String resolve(String option, Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get("MODQ_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return defaultPath(env).toString();
    }

    /**
     * Like {@link #resolve}, for commands that need an existing database: when neither --db nor MODQ_DB was given
     * and the default does not exist, the likely cause is an environment that was not read (over
     * {@code ssh -t host modq}, /etc/profile.d is not), so say that instead of "create the directory".
     */
    static String resolveExisting(String option, Map<String, String> env) {
        String db = resolve(option, env);
        String fromEnv = env.get("MODQ_DB");
        boolean defaulted = option == null && (fromEnv == null || fromEnv.isBlank());
        if (defaulted && !Files.exists(Path.of(db))) {
            throw new StoreException("no database given and none at the default " + db + ": pass --db PATH or set"
                    + " MODQ_DB (a non-login shell such as `ssh -t host modq` does not read /etc/profile.d: use --db, or"
                    + " set MODQ_DB in ~/.bashrc), or create your own with `modq init`");
        }
        return db;
    }

    static Path defaultPath(Map<String, String> env) {
        String dataHome = env.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("modq").resolve("modq.db");
    }

    /** The demo database lives apart from real ones, so `modq demo` can never overwrite a real queue. */
    static String demoPath() {
        return Path.of(System.getProperty("java.io.tmpdir"), "modq-demo-" + OsUser.name() + ".db").toString();
    }
}
