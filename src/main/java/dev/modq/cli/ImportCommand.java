package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.io.FileReport;
import dev.modq.io.ImportFormat;
import dev.modq.io.Importer;
import dev.modq.io.ProgressListener;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code modq import}: comments from WordPress, Disqus, Blogger, JSON lines or CSV exports, in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import comments: WordPress WXR, Disqus, Blogger, JSON lines, CSV.",
                "Formats in docs/import-formats.md. All files go in one transaction: if any fails to parse, nothing"
                        + " is written. Re-importing is safe: comments decided in modq keep their decision."},
        footer = {"%nExamples:", "  modq import wordpress.2024-05-01.xml",
                "  modq import --dry-run --report json disqus-export.xml",
                ExitCode.HELP_FOOTER})
public final class ImportCommand extends BaseCommand {

    enum Report { TEXT, JSON }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files to import.")
    List<Path> files;

    @Mixin
    FormatOption<ImportFormat> format = FormatOption.of(ImportFormat.AUTO, ImportFormat.values());

    @Option(names = "--dry-run", description = "Read and check everything, report what would change, write nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "Summary as text on stderr (default) or as JSON on stdout.")
    Report report;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            ProgressListener progress = TerminalProgress.forStderr(err());
            SqliteImport.Outcome<List<FileReport>> outcome;
            try {
                outcome = SqliteImport.run(ctx.store(), dryRun, sink -> {
                    Importer importer = new Importer(sink, progress);
                    List<FileReport> reports = new ArrayList<>();
                    for (Path file : files) {
                        reports.add(importer.importFile(file, format.get()));
                    }
                    return reports;
                });
            } finally {
                TerminalProgress.clear(progress, err());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (report == Report.JSON) {
                printJson(outcome, ms);
            } else {
                printText(outcome, ms);
            }
            return ExitCode.OK;
        }
    }

    private void printText(SqliteImport.Outcome<List<FileReport>> outcome, long ms) {
        for (FileReport r : outcome.result()) {
            say("modq: " + r.file() + " (" + r.format().label() + "): comments " + r.commentsNew() + " new, "
                    + r.commentsUpdated() + " updated, " + r.commentsUnchanged() + " unchanged, " + r.keptLocal()
                    + " kept because moderated locally, " + r.skipped() + " skipped; posts " + r.postsNew() + " new, "
                    + r.postsUpdated() + " updated" + (r.orphans() > 0 ? "; " + r.orphans()
                    + " comments on missing posts (filed under \"(unknown post ID)\")" : ""));
            r.notes().forEach(note -> say("modq: " + r.file() + ": note: " + note));
        }
        if (outcome.unresolvedParents() > 0) {
            say("modq: " + outcome.unresolvedParents() + " replies name a parent found in no file: kept as top-level");
        }
        say("modq: " + (dryRun ? "dry run, nothing was written" : "imported") + " in " + ms + " ms");
    }

    private void printJson(SqliteImport.Outcome<List<FileReport>> outcome, long ms) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeBooleanField("dry_run", dryRun);
            json.writeNumberField("elapsed_ms", ms);
            json.writeNumberField("unresolved_parents", outcome.unresolvedParents());
            json.writeArrayFieldStart("files");
            for (FileReport r : outcome.result()) {
                writeFile(json, r);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out().println();
        out().flush();
    }

    private static void writeFile(JsonGenerator json, FileReport r) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", r.file());
        json.writeStringField("format", r.format().label());
        json.writeObjectFieldStart("comments");
        json.writeNumberField("new", r.commentsNew());
        json.writeNumberField("updated", r.commentsUpdated());
        json.writeNumberField("unchanged", r.commentsUnchanged());
        json.writeNumberField("kept_local", r.keptLocal());
        json.writeNumberField("skipped", r.skipped());
        json.writeEndObject();
        json.writeObjectFieldStart("posts");
        json.writeNumberField("new", r.postsNew());
        json.writeNumberField("updated", r.postsUpdated());
        json.writeEndObject();
        json.writeNumberField("orphans", r.orphans());
        json.writeArrayFieldStart("notes");
        for (String note : r.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
