package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.io.FileRead;
import dev.modq.io.FileReport;
import dev.modq.io.ImportFormat;
import dev.modq.io.Importer;
import dev.modq.io.InputFile;
import dev.modq.io.ProgressListener;
import dev.modq.store.OpenMode;
import dev.modq.store.ImportOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** {@code modq import}: comments from WordPress, Disqus, Blogger, JSON lines or CSV exports, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import comments: WordPress WXR, Disqus, Blogger, JSON lines, CSV (gzip unpacked; - is stdin).",
                "Formats in docs/import-formats.md. The files are read first, without locking the database, then"
                        + " applied in short transactions; if the run fails, what it added is removed again. A record that cannot be imported is"
                        + " skipped and listed (exit 3); --strict refuses the whole run instead. Re-importing is safe:"
                        + " comments decided in modq keep their decision, and a field a file leaves out is kept."},
        footer = {"%nExamples:", "  modq import wordpress.2024-05-01.xml",
                "  ssh blog wp export --stdout | modq import -",
                "  modq import --dry-run --report json disqus-export.xml.gz",
                "%nExit codes: 0 ok, 1 failure (nothing was imported), 2 usage error,"
                        + " 3 partial (records that could not be imported were skipped; listed on stderr)."})
public final class ImportCommand extends BaseCommand {

    enum Report { TEXT, JSON }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files to import (- for stdin).")
    List<String> files;

    @Mixin
    FormatOption<ImportFormat> format = FormatOption.of(ImportFormat.AUTO, ImportFormat.values());

    @Option(names = "--dry-run", description = "Read and compare everything, report what would change, write nothing"
            + " (takes no write lock).")
    boolean dryRun;

    @Option(names = "--strict", description = "Refuse the whole run at the first record that cannot be imported"
            + " (default: skip it, list it, exit 3).")
    boolean strict;

    @Option(names = "--report", paramLabel = "text|json", defaultValue = "text",
            description = "Summary as text on stderr (default) or as JSON on stdout.")
    Report report;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        files.forEach(f -> RemoteRules.requireStdinOnly(global(), f, "ssh HOST import - < export.xml"));
        if (files.stream().filter(InputFile.STDIN::equals).count() > 1) {
            throw new UsageException("stdin (-) can be imported only once per run");
        }
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            ProgressListener progress = TerminalProgress.forStderr(err());
            ImportOutcome outcome;
            try {
                outcome = ctx.store().runImport(dryRun, strict, sink -> {
                    Importer importer = new Importer(sink, progress, strict, root().stdin());
                    List<FileRead> reads = new ArrayList<>();
                    for (String file : files) {
                        reads.add(importer.importFile(file, format.get()));
                    }
                    return reads;
                });
            } finally {
                TerminalProgress.clear(progress, err());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            List<FileReport> reports = outcome.files().stream().map(FileRead::report).toList();
            if (report == Report.JSON) {
                printJson(reports, outcome, ms);
            } else {
                printText(reports, outcome, ms);
            }
            return reports.stream().anyMatch(r -> r.badRecords() > 0) ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    private void printText(List<FileReport> reports, ImportOutcome outcome, long ms) {
        if (outcome.undoneFromInterrupted() > 0) {
            say("modq: an earlier import was interrupted while it applied: its " + outcome.undoneFromInterrupted()
                    + " new comment(s) that nobody decided were removed first");
        }
        for (FileReport r : reports) {
            say("modq: " + r.file() + " (" + r.format().label() + "): comments " + r.commentsNew() + " new, "
                    + r.commentsUpdated() + " updated, " + r.commentsUnchanged() + " unchanged, " + r.keptLocal()
                    + " kept because moderated locally, " + r.skipped() + " skipped; posts " + r.postsNew() + " new, "
                    + r.postsUpdated() + " updated" + (r.orphans() > 0 ? "; " + r.orphans()
                    + " comments on missing posts (filed under \"(unknown post ID)\")" : ""));
            r.notes().forEach(note -> say("modq: " + r.file() + ": note: " + note));
            if (r.badRecords() > 0) {
                say("modq: " + r.file() + ": " + r.badRecords() + " record(s) could not be imported and were skipped"
                        + " (--strict refuses the run instead):");
                r.bad().forEach(line -> say("modq:   " + line));
                if (r.badRecords() > r.bad().size()) {
                    say("modq:   ... and " + (r.badRecords() - r.bad().size()) + " more");
                }
            }
            if (r.format() == ImportFormat.WXR && r.notInFile() > 0) {
                say("modq: " + r.file() + ": note: " + r.notInFile() + " WordPress comment(s) in modq are not in this"
                        + " export, which cannot tell their state (WordPress never exports spam; they may have been"
                        + " marked spam or deleted there)");
            }
        }
        if (outcome.duplicates() > 0) {
            say("modq: " + outcome.duplicates() + " comment(s) appeared more than once: the last one was used");
        }
        if (outcome.unresolvedParents() > 0) {
            say("modq: " + outcome.unresolvedParents() + " replies name a parent found in no file: kept as top-level");
        }
        say("modq: " + (dryRun ? "dry run, nothing was written" : "imported") + " in " + ms + " ms");
    }

    private void printJson(List<FileReport> reports, ImportOutcome outcome, long ms) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeBooleanField("dry_run", dryRun);
            json.writeNumberField("elapsed_ms", ms);
            json.writeNumberField("unresolved_parents", outcome.unresolvedParents());
            json.writeNumberField("duplicates", outcome.duplicates());
            json.writeNumberField("undone_from_interrupted", outcome.undoneFromInterrupted());
            json.writeNumberField("longest_write_ms", outcome.longestWriteMs());
            json.writeArrayFieldStart("files");
            for (FileReport r : reports) {
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
        json.writeNumberField("bad", r.badRecords());
        json.writeNumberField("not_in_file", r.notInFile());
        json.writeEndObject();
        json.writeObjectFieldStart("posts");
        json.writeNumberField("new", r.postsNew());
        json.writeNumberField("updated", r.postsUpdated());
        json.writeEndObject();
        json.writeNumberField("orphans", r.orphans());
        json.writeArrayFieldStart("bad_records");
        for (String line : r.bad()) {
            json.writeString(line);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notes");
        for (String note : r.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
