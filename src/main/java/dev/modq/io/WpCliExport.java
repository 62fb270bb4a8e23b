package dev.modq.io;

import dev.modq.core.Reasons;
import dev.modq.core.Status;

/**
 * WP-CLI commands that apply modq's states to a WordPress site: approved → approve, pending → unapprove,
 * rejected with reason spam → spam, other rejected → trash. Flagged has no WordPress equivalent: left out.
 */
final class WpCliExport extends SourceActionExport {

    static final String APPROVE = "wp comment approve";
    static final String UNAPPROVE = "wp comment unapprove";
    static final String SPAM = "wp comment spam";
    static final String TRASH = "wp comment trash";

    WpCliExport(Appendable out) {
        super(WxrParser.SYSTEM, "WordPress", out, APPROVE, UNAPPROVE, SPAM, TRASH);
    }

    @Override
    String action(ExportRow row) {
        return command(row.status(), row.reason());
    }

    @Override
    String leftOutNote(long count) {
        return count + " flagged comment(s) left out: WordPress has no flagged state (decide them first)";
    }

    static String command(Status status, String reason) {
        return switch (status) {
            case APPROVED -> APPROVE;
            case PENDING -> UNAPPROVE;
            case REJECTED -> Reasons.is(reason, "spam") ? SPAM : TRASH;
            case FLAGGED -> null;
        };
    }
}
