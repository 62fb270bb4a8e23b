package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.service.DatabaseBackup;
import dev.modq.store.OpenMode;
import dev.modq.store.StoreException;
import dev.modq.store.BackupResult;
import dev.modq.store.CheckReport;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** {@code modq backup FILE}: a consistent copy while others keep working, verified after writing. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the database to FILE while others keep working, and verify the copy.",
                "The copy is a consistent snapshot, written under a temporary name beside FILE, synced and checked"
                        + " (integrity, audit chain, counts), and only then named FILE. FILE must not exist; it is made"
                        + " owner-only.",
                "FILE is always a SQLite database. On PostgreSQL it holds one REPEATABLE READ snapshot of modq's"
                        + " tables, copied row by row as `modq copy` does (open it with --db FILE, or copy it back);"
                        + " for server-level backups (roles, privileges, every database) use pg_dump, e.g."
                        + " pg_dump -Fc -d comments."},
        footer = {"%nExamples:", "  modq backup /srv/backups/comments-$(date +%%F).db",
                "  modq --db postgresql://modq@db.internal/comments backup /srv/backups/comments-$(date +%%F).db",
                ExitCode.HELP_FOOTER})
public final class BackupCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The new backup file (never overwritten).")
    Path file;

    @Override
    public Integer call() {
        String db = DatabasePath.resolveExisting(global().db, System.getenv());
        Path dbFile = Stores.fileOf(db);
        if (dbFile != null && file.toAbsolutePath().normalize().equals(dbFile.toAbsolutePath().normalize())) {
            throw new UsageException("the backup file must differ from the database " + db);
        }
        try (Store store = Stores.open(db, OpenOptions.of(OpenMode.EXISTING))) {
            BackupResult r = DatabaseBackup.backup(store, file);
            if (!r.check().ok()) {
                String failed = r.check().results().stream().filter(c -> !c.ok())
                        .map(c -> c.check() + ": " + c.summary()).collect(Collectors.joining("; "));
                boolean kept = r.check().result(CheckReport.INTEGRITY).ok();
                throw new StoreException("backup " + file + (kept ? " was written but its verification found: "
                        : " failed verification and was removed: ") + failed + " (run `modq check` on the database)");
            }
            String counts = java.util.Arrays.stream(Status.values())
                    .map(s -> r.counts().get(s) + " " + s.label()).collect(Collectors.joining(", "));
            say("modq: backed up to " + r.file() + " (" + humanBytes(r.bytes()) + "): " + r.comments() + " comments ("
                    + counts + "), " + r.auditEntries() + " audit entries; copy verified");
            return ExitCode.OK;
        }
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
