package dev.modq.cli;

import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;

/** {@code modq init}: create a database, or upgrade an existing one to this program's schema. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a moderation database (or upgrade an existing one).",
                "On a new database, you (the OS user) become its first admin."},
        footer = {"%nExamples:", "  modq init --db /srv/blog/comments.db", "  MODQ_DB=/srv/blog/comments.db modq init",
                "  modq init --db /srv/modq/comments.db --group moderators   (a team on one host: docs/team-setup.md)",
                ExitCode.HELP_FOOTER})
public final class InitCommand extends BaseCommand {

    @Option(names = "--group", paramLabel = "NAME",
            description = "Share the database with this Unix group (mode 0660), for a team on one host.")
    String group;

    @Override
    public Integer call() {
        String db = DatabasePath.resolve(global().db, System.getenv());
        Path file = Stores.fileOf(db);
        if (file == null && group != null) {
            throw new UsageException("--group shares a database file; " + Stores.redact(db)
                    + " is a server database (give its users access there)");
        }
        GroupPrincipal shareWith = group == null ? null : GroupSharing.lookup(file, group);
        boolean existed = file == null ? serverDatabaseIsModq(db) : Files.exists(file);
        if (!existed && global().db == null && System.getenv("MODQ_DB") == null) {
            createDefaultDirectory(file);
        }
        try (AppContext ctx = AppContext.open(db, global().as(), OpenMode.CREATE)) {
            String schema = "schema V" + String.format("%03d", ctx.store().schemaVersion());
            if (existed) {
                say("modq: " + ctx.store().address() + " is ready (" + schema + ")");
            } else {
                say("modq: created " + ctx.store().address() + " (" + schema + "); " + ctx.actor().name()
                        + " is its first admin");
            }
            if (shareWith != null) {
                GroupSharing.share(file, group, shareWith).forEach(this::say);
            }
            return ExitCode.OK;
        }
    }

    private static void createDefaultDirectory(Path db) {
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new UsageException("cannot create " + db.getParent() + ": " + e.getMessage() + " (choose another --db)");
        }
    }

    /** A server database counts as existing once it is a modq database with a roster (init then says "is ready"). */
    private static boolean serverDatabaseIsModq(String db) {
        try (Store probe = Stores.open(db, OpenOptions.of(OpenMode.EXISTING))) {
            return probe.hasModerators();
        } catch (StoreException e) {
            return false; // no modq schema yet, or unreachable: the open below says which, in one line
        }
    }
}
