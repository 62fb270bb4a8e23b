package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.Json;
import dev.modq.core.BatchResult;
import dev.modq.core.Outcome;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells the truth about a decision or undo: one stderr line per comment that failed, data on stdout
 * (ids, JSON lines, or the would-be transitions of a dry run), then a one-line summary on stderr.
 */
final class OutcomeReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private OutcomeReport() {
    }

    static void failures(BatchResult result, PrintWriter err) {
        for (Outcome o : result.outcomes()) {
            if (o.kind() == Outcome.Kind.NOT_FOUND) {
                err.println("modq: " + o.commentId() + ": not found");
            } else if (o.kind() == Outcome.Kind.CONFLICT) {
                err.println("modq: " + o.commentId() + ": conflict: " + conflict(o) + " — not applied (use --force to override)");
            }
        }
        err.flush();
    }

    private static String conflict(Outcome o) {
        Outcome.Conflict c = o.conflict();
        if (c == null) {
            return o.detail();
        }
        String now = c.nowStatus() == null ? "changed" : c.nowStatus().label();
        if (c.changedBy() == null) {
            return now + ", changed by another writer";
        }
        return now + " by " + c.changedBy() + (c.changedAt() == null ? "" : " at " + WHEN.format(c.changedAt()));
    }

    /**
     * stdout: nothing by default (transitions in a dry run), the changed ids, every outcome as JSON lines, or
     * with --porcelain the batch id alone. After an --atomic roll-back nothing changed: no ids, and JSON says
     * "rolled_back" for what would have applied.
     */
    static void data(BatchResult result, ChangeOptions change, PrintWriter out) {
        Format format = change.format.get();
        boolean rolledBack = !result.committed() && !change.dryRun;
        if (change.porcelain) {
            if (result.batchId() != null && !rolledBack) {
                out.println(result.batchId());
            }
        } else if (format == Format.JSONL) {
            jsonLines(result, rolledBack, out);
        } else if (format == Format.IDS) {
            if (!rolledBack) {
                applied(result).forEach(o -> out.println(o.commentId()));
            }
        } else if (change.dryRun) {
            applied(result).forEach(o -> out.println(o.commentId() + " " + o.from().label() + " -> " + o.to().label()));
        }
        out.flush();
    }

    private static List<Outcome> applied(BatchResult result) {
        return result.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).toList();
    }

    private static void jsonLines(BatchResult result, boolean rolledBack, PrintWriter out) {
        JsonGenerator gen = Json.generator(out);
        String rollBack = "not applied: --atomic and " + result.failures().size() + " comment(s) failed";
        try {
            for (Outcome o : result.outcomes()) {
                boolean undone = rolledBack && o.kind() == Outcome.Kind.APPLIED;
                gen.writeStartObject();
                Json.field(gen, "id", o.commentId());
                Json.field(gen, "result", undone ? "rolled_back" : o.kind().name().toLowerCase(Locale.ROOT));
                Json.field(gen, "from", o.from() == null ? null : o.from().label());
                Json.field(gen, "to", o.to() == null ? null : o.to().label());
                Json.field(gen, "detail", o.isFailure() ? detail(o) : undone ? rollBack : null);
                gen.writeEndObject();
                gen.flush();
                out.print('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String detail(Outcome o) {
        return o.kind() == Outcome.Kind.NOT_FOUND ? "not found" : "conflict: " + conflict(o);
    }

    /** "rejected 97, unchanged 1, not found 1, conflict 1". */
    static String counts(BatchResult result, String appliedWord) {
        List<String> parts = new ArrayList<>();
        parts.add(appliedWord + " " + result.applied());
        add(parts, "unchanged", result.count(Outcome.Kind.UNCHANGED));
        add(parts, "not found", result.count(Outcome.Kind.NOT_FOUND));
        add(parts, "conflict", result.count(Outcome.Kind.CONFLICT));
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String word, long n) {
        if (n > 0) {
            parts.add(word + " " + n);
        }
    }

    static int exitCode(BatchResult result) {
        return result.hasFailures() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
