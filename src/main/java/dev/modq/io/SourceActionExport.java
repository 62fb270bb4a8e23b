package dev.modq.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands that apply modq's decisions back at the system the comments came from: only that system's comments,
 * only ids safe to paste into a shell, batched per action. Subclasses say which action a row maps to, and may
 * wrap the batches in a script. Tracks the newest decision emitted, which the operator confirms as pushed
 * ({@code --confirm-pushed}) once the commands ran.
 */
abstract class SourceActionExport implements ExportWriter {

    private final String system;
    private final String platform;
    private final ActionBatcher batcher;
    private long leftOut;
    private long unsafe;
    private long emitted;
    private long newestDecision;

    SourceActionExport(String system, String platform, Appendable out, String... actions) {
        this.system = system;
        this.platform = platform;
        this.batcher = new ActionBatcher(out, actions);
    }

    /** The action for this row, or null when the platform has none for its state. */
    abstract String action(ExportRow row);

    /** The note for rows that had no action. */
    abstract String leftOutNote(long count);

    /** Written before the first batch (nothing by default). */
    void header() throws IOException {
    }

    /** Written after the last batch (nothing by default). */
    void footer(long emitted, long newestDecision) throws IOException {
    }

    long emitted() {
        return emitted;
    }

    long newestDecision() {
        return newestDecision;
    }

    @Override
    public final void write(ExportRow row) throws IOException {
        if (!system.equals(row.sourceSystem())) {
            return;
        }
        if (!ActionBatcher.safeId(row.sourceId())) {
            unsafe++;
            return;
        }
        String action = action(row);
        if (action == null) {
            leftOut++;
            return;
        }
        if (emitted++ == 0) {
            header();
        }
        newestDecision = Math.max(newestDecision, row.decisionId());
        batcher.add(action, row.sourceId());
    }

    @Override
    public final void finish() throws IOException {
        batcher.finish();
        if (emitted > 0) {
            footer(emitted, newestDecision);
        }
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (leftOut > 0) {
            notes.add(leftOutNote(leftOut));
        }
        if (unsafe > 0) {
            notes.add(unsafe + " comment(s) left out: their " + platform + " id is not a plain number");
        }
        return notes;
    }
}
