package dev.modq.io;

import dev.modq.core.Status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Disqus post ids per moderation action, one "action id id ..." line per batch, named after the Disqus API
 * endpoints (posts/approve, posts/spam, posts/remove). Pending and flagged have no Disqus action: left out.
 */
final class DisqusIdsExport implements ExportWriter {

    private final ActionBatcher batcher;
    private long leftOut;
    private long unsafe;

    DisqusIdsExport(Appendable out) {
        batcher = new ActionBatcher(out, "approve", "spam", "remove");
    }

    @Override
    public void write(ExportRow row) throws IOException {
        if (!DisqusParser.SYSTEM.equals(row.sourceSystem())) {
            return;
        }
        if (!ActionBatcher.safeId(row.sourceId())) {
            unsafe++;
            return;
        }
        if (row.status() == Status.APPROVED) {
            batcher.add("approve", row.sourceId());
        } else if (row.status() == Status.REJECTED) {
            batcher.add("spam".equals(row.reason()) ? "spam" : "remove", row.sourceId());
        } else {
            leftOut++;
        }
    }

    @Override
    public void finish() throws IOException {
        batcher.finish();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (leftOut > 0) {
            notes.add(leftOut + " pending or flagged comment(s) left out: Disqus has no action for them");
        }
        if (unsafe > 0) {
            notes.add(unsafe + " comment(s) left out: their Disqus id is not a plain number");
        }
        return notes;
    }
}
