package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.store.CheckReport;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code modq check}: is the database sound, and does the audit log agree with the comments? */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the database and its audit log; report problems on one screen.",
                "Checks SQLite integrity and foreign keys, the audit log's hash chain, each decided comment's status"
                        + " and reason against its last audit entry (purged comments excepted), and the per-status counts. Reads one snapshot; others may keep"
                        + " working. Exit 0 when all is well, 1 when anything is wrong."},
        footer = {"%nExamples:", "  modq check", "  modq check --format json --db /srv/blog/comments.db",
                ExitCode.HELP_FOOTER})
public final class CheckCommand extends BaseCommand {

    enum Style { TEXT, JSON }

    @Mixin
    FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

    @Override
    public Integer call() {
        String db = DatabasePath.resolveExisting(global().db, System.getenv());
        CheckReport report;
        try (Store store = Stores.open(db, OpenOptions.of(OpenMode.EXISTING))) {
            report = store.check();
        } catch (StoreException e) {
            if (!isDamage(e)) {
                throw e;
            }
            // a file too damaged to open is the one answer check exists to give, not an error of check itself
            String why = "cannot open the database: " + stripAdvice(e.getMessage()) + "; restore a backup";
            report = new CheckReport(Stores.redact(db), 0, 0,
                    List.of(new CheckReport.Result(CheckReport.INTEGRITY, false, 1, why, List.of())));
        }
        if (format.get() == Style.JSON) {
            printJson(report);
        } else {
            printText(report);
        }
        return report.ok() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static boolean isDamage(StoreException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("is corrupted or not a database");
    }

    private static String stripAdvice(String message) {
        int advice = message.indexOf(": run `modq check`");
        return advice < 0 ? message : message.substring(0, advice);
    }

    private void printText(CheckReport r) {
        PrintWriter out = out();
        out.println("modq check " + r.db() + ": " + (r.ok() ? "all is well"
                : r.failedChecks() + (r.failedChecks() == 1 ? " check failed" : " checks failed")));
        for (CheckReport.Result result : r.results()) {
            out.printf("  %-18s %-4s %s%n", result.check(), result.ok() ? "ok" : "FAIL", result.summary());
            for (String example : result.examples()) {
                out.println("      " + example);
            }
            if (!result.ok() && result.problems() > result.examples().size() && !result.examples().isEmpty()) {
                out.println("      ... and " + (result.problems() - result.examples().size()) + " more");
            }
        }
        out.println("  " + r.comments() + " comments, " + r.auditEntries() + " audit entries");
        out.flush();
    }

    private void printJson(CheckReport r) {
        PrintWriter out = out();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("db", r.db());
            g.writeBooleanField("ok", r.ok());
            g.writeNumberField("comments", r.comments());
            g.writeNumberField("audit_entries", r.auditEntries());
            g.writeArrayFieldStart("checks");
            for (CheckReport.Result result : r.results()) {
                g.writeStartObject();
                g.writeStringField("check", result.check());
                g.writeBooleanField("ok", result.ok());
                g.writeNumberField("problems", result.problems());
                g.writeStringField("summary", result.summary());
                g.writeArrayFieldStart("examples");
                for (String example : result.examples()) {
                    g.writeString(example);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
