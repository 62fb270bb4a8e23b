package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.service.DatabaseCopy;
import dev.modq.store.CheckReport;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code modq copy FROM TO}: a whole database into a new or empty one, between any two backends. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a whole database into a new or empty one: SQLite file or PostgreSQL, either way.",
                "Copies comments, posts, meta, moderators and their roles, settings, import runs, push marks and"
                        + " the audit log row by row with its hashes, so its chain verifies on the destination."
                        + " Streams from one snapshot of FROM (others may keep working) into one transaction on TO:"
                        + " all or nothing. Refuses a TO that holds any data. PostgreSQL text cannot hold a NUL"
                        + " character: in comments, posts and their meta it becomes U+FFFD (counted in the summary);"
                        + " anywhere else, the audit log above all (its hashes cover it), the copy is refused."
                        + " Ends with `modq check` on TO:"
                        + " exit 0 when it passes and the counts agree, 1 otherwise."},
        footer = {"%nExamples:", "  modq copy /srv/blog/comments.db /srv/blog/copy.db",
                "  modq copy /srv/blog/comments.db postgresql://modq@db.internal/comments",
                ExitCode.HELP_FOOTER})
public final class CopyCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "The database to copy (a file path or an address).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A new or empty database (created when missing).")
    String to;

    @Override
    public Integer call() {
        Path fromFile = Stores.fileOf(from);
        Path toFile = Stores.fileOf(to);
        if (fromFile != null && toFile != null
                && fromFile.toAbsolutePath().normalize().equals(toFile.toAbsolutePath().normalize())) {
            throw new UsageException("FROM and TO are the same file " + from);
        }
        long started = System.nanoTime();
        DatabaseCopy.Result r;
        String shownTo;
        try (Store source = Stores.open(from, OpenOptions.of(OpenMode.EXISTING));
             Store destination = Stores.open(to, OpenOptions.of(OpenMode.CREATE))) {
            shownTo = destination.address();
            r = DatabaseCopy.copy(source, destination);
            long ms = (System.nanoTime() - started) / 1_000_000;
            String counts = Arrays.stream(Status.values())
                    .map(s -> r.destinationCounts().get(s) + " " + s.label()).collect(Collectors.joining(", "));
            say("modq: copied " + source.address() + " to " + shownTo + ": " + r.rows() + " rows in "
                    + r.rowsPerTable().size() + " tables (" + r.check().comments() + " comments: " + counts + "; "
                    + r.check().auditEntries() + " audit entries) in " + ms + " ms");
            if (!r.nulsReplaced().isEmpty()) {
                long values = r.nulsReplaced().values().stream().mapToLong(Long::longValue).sum();
                say("modq: copy: " + values + (values == 1 ? " text value" : " text values") + " held a NUL character,"
                        + " which " + shownTo + " cannot store:"
                        + " each NUL became U+FFFD (" + r.nulsReplaced().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (!r.sourceCounts().equals(r.destinationCounts())) {
            say("modq: copy: the counts differ: " + r.sourceCounts() + " in FROM, " + r.destinationCounts() + " in TO");
        }
        if (r.check().ok()) {
            say("modq: check on " + shownTo + ": all is well (audit chain intact)");
        } else {
            for (CheckReport.Result failed : r.check().results()) {
                if (!failed.ok()) {
                    say("modq: check on " + shownTo + ": " + failed.check() + " FAIL " + failed.summary());
                }
            }
        }
        return r.ok() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
