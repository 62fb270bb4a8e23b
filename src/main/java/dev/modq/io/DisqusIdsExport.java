package dev.modq.io;

import dev.modq.core.Reasons;
import dev.modq.core.Status;

/**
 * Disqus post ids per moderation action, one "action id id ..." line per batch, named after the Disqus API
 * endpoints (posts/approve, posts/spam, posts/remove). Pending and flagged have no Disqus action: left out.
 */
final class DisqusIdsExport extends SourceActionExport {

    DisqusIdsExport(Appendable out) {
        super(DisqusParser.SYSTEM, "Disqus", out, "approve", "spam", "remove");
    }

    @Override
    String action(ExportRow row) {
        if (row.status() == Status.APPROVED) {
            return "approve";
        }
        if (row.status() == Status.REJECTED) {
            return Reasons.is(row.reason(), "spam") ? "spam" : "remove";
        }
        return null;
    }

    @Override
    String leftOutNote(long count) {
        return count + " pending or flagged comment(s) left out: Disqus has no action for them";
    }
}
