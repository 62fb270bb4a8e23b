package dev.modq.cli;

import dev.modq.cli.output.Format;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that changes comments (approve, reject, flag, pending, undo): how, and what to print. */
public final class ChangeOptions {

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the audit log.")
    String note;

    @Option(names = "--force", description = "Apply even where someone changed the comment since it was read"
            + " (for undo: since the batch).")
    boolean force;

    @Option(names = "--atomic", description = "All or nothing: if any comment is not found or in conflict, apply none.")
    boolean atomic;

    @Option(names = "--dry-run", description = "Print what would change (ids and transitions on stdout, counts on"
            + " stderr); write nothing.")
    boolean dryRun;

    @Mixin
    FormatOption<Format> format = FormatOption.optional(
            "what to print on stdout (ids: the changed ids; jsonl: every outcome); default nothing.",
            Format.IDS, Format.JSONL);

    @Option(names = "--porcelain", description = "Print exactly the batch id on stdout, nothing else (nothing when no"
            + " batch was written): for scripts.")
    boolean porcelain;

    /** A usage error for options that contradict each other. */
    void check() {
        if (porcelain && format.get() != null) {
            throw new UsageException("--porcelain prints only the batch id: leave out --format " + format.label);
        }
        if (porcelain && dryRun) {
            throw new UsageException("--porcelain prints the batch id, and --dry-run writes no batch: use one of them");
        }
    }
}
