package dev.modq.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands that apply modq's decisions back at the system the comments came from: only that system's comments,
 * only ids safe to paste into a shell, batched per action. Subclasses say which action a row maps to.
 */
abstract class SourceActionExport implements ExportWriter {

    private final String system;
    private final String platform;
    private final ActionBatcher batcher;
    private long leftOut;
    private long unsafe;

    SourceActionExport(String system, String platform, Appendable out, String... actions) {
        this.system = system;
        this.platform = platform;
        this.batcher = new ActionBatcher(out, actions);
    }

    /** The action for this row, or null when the platform has none for its state. */
    abstract String action(ExportRow row);

    /** The note for rows that had no action. */
    abstract String leftOutNote(long count);

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
        } else {
            batcher.add(action, row.sourceId());
        }
    }

    @Override
    public final void finish() throws IOException {
        batcher.finish();
    }

    @Override
    public final List<String> notes() {
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
