package dev.modq.store;

import dev.modq.store.sqlite.SqliteStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one way to open a database: the backend is chosen by the address alone. A file path is a SQLite database
 * (opened here); an address with a scheme ({@code postgresql://...}, {@code jdbc:postgresql:...}) goes to the
 * {@link StoreProvider} that accepts it, found with {@link ServiceLoader}. The only class outside a backend's own
 * package that names a backend.
 */
public final class Stores {

    /** {@code scheme://...} or {@code jdbc:scheme:...}: an address for a provider, never a file. */
    private static final Pattern SCHEME = Pattern.compile("^(jdbc:[a-zA-Z][a-zA-Z0-9+.-]*:|[a-zA-Z][a-zA-Z0-9+.-]*://).*",
            Pattern.DOTALL);
    private static final Pattern POSTGRES = Pattern.compile("^(jdbc:postgresql:|postgres(ql)?://).*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(://[^/@:]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private Stores() {
    }

    /** Opens the database at {@code address} (a file path, or a provider's address). */
    public static Store open(String address, OpenOptions options) {
        if (address == null || address.isBlank()) {
            throw new StoreAddressException("no database address given: pass --db PATH or set MODQ_DB");
        }
        if (!isServerAddress(address)) {
            return openSqlite(Path.of(address), options);
        }
        return provider(address).open(address, options);
    }

    /** Opens a SQLite database file. */
    public static Store open(Path file, OpenOptions options) {
        return openSqlite(file, options);
    }

    private static Store openSqlite(Path file, OpenOptions options) {
        if (options.readOnly()) {
            return SqliteStore.openReadOnly(file);
        }
        return SqliteStore.open(file, options.mode(), options.busyTimeoutMs() == null
                ? SqliteStore.busyTimeoutFromEnvironment() : options.busyTimeoutMs(), options.clock());
    }

    /** True for an address with a scheme (a server database); false for a file path. */
    public static boolean isServerAddress(String address) {
        return address != null && SCHEME.matcher(address).matches();
    }

    /** The address as a file path, for the checks only a file has (exists? same file as the backup?); or null. */
    public static Path fileOf(String address) {
        return isServerAddress(address) ? null : Path.of(address);
    }

    /** The schema version this program brings (the same number for every backend); newer databases are refused. */
    public static int bundledSchemaVersion() {
        return SqliteStore.bundledSchemaVersion();
    }

    /** Deletes the whole database at {@code address}: for replacing an untouched demo database only. */
    public static void remove(String address) {
        if (isServerAddress(address)) {
            provider(address).remove(address);
            return;
        }
        try {
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(address + suffix));
            }
        } catch (IOException e) {
            throw new StoreException("cannot remove the database " + address + ": " + e.getMessage());
        }
    }

    /** The address fit for messages and logs: a password in it is replaced by ***. */
    public static String redact(String address) {
        if (address == null) {
            return null;
        }
        String out = PASSWORD_IN_AUTHORITY.matcher(address).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(out).replaceAll("$1***");
    }

    private static StoreProvider provider(String address) {
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            if (p.accepts(address)) {
                return p;
            }
        }
        String shown = redact(address);
        if (POSTGRES.matcher(address).matches()) {
            throw new StoreAddressException(shown + " is a PostgreSQL address, but this build of modq has no PostgreSQL"
                    + " backend: use a SQLite database file for --db");
        }
        String scheme = address.substring(0, address.indexOf(':')).toLowerCase(Locale.ROOT);
        throw new StoreAddressException("unknown kind of database address '" + shown + "' (" + scheme + "): give a file"
                + " path for SQLite, or a postgresql:// address");
    }
}
