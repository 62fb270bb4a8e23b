package dev.modq.io;

import dev.modq.core.Status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * WP-CLI commands that apply modq's states to a WordPress site: approved → approve, pending → unapprove,
 * rejected with reason spam → spam, other rejected → trash. Flagged has no WordPress equivalent: left out.
 */
final class WpCliExport implements ExportWriter {

    static final String APPROVE = "wp comment approve";
    static final String UNAPPROVE = "wp comment unapprove";
    static final String SPAM = "wp comment spam";
    static final String TRASH = "wp comment trash";

    private final ActionBatcher batcher;
    private long flagged;
    private long unsafe;

    WpCliExport(Appendable out) {
        batcher = new ActionBatcher(out, APPROVE, UNAPPROVE, SPAM, TRASH);
    }

    @Override
    public void write(ExportRow row) throws IOException {
        if (!WxrParser.SYSTEM.equals(row.sourceSystem())) {
            return;
        }
        if (!ActionBatcher.safeId(row.sourceId())) {
            unsafe++;
            return;
        }
        String command = command(row.status(), row.reason());
        if (command == null) {
            flagged++;
        } else {
            batcher.add(command, row.sourceId());
        }
    }

    static String command(Status status, String reason) {
        return switch (status) {
            case APPROVED -> APPROVE;
            case PENDING -> UNAPPROVE;
            case REJECTED -> "spam".equals(reason) ? SPAM : TRASH;
            case FLAGGED -> null;
        };
    }

    @Override
    public void finish() throws IOException {
        batcher.finish();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (flagged > 0) {
            notes.add(flagged + " flagged comment(s) left out: WordPress has no flagged state (decide them first)");
        }
        if (unsafe > 0) {
            notes.add(unsafe + " comment(s) left out: their WordPress id is not a plain number");
        }
        return notes;
    }
}
