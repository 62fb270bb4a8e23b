package dev.modq.store;

import java.time.Instant;

/** Which audit entries to read; null fields do not filter. {@code limit} 0 means no limit. */
public record AuditFilter(String moderator, String action, Instant since, Instant until, String batchId,
                          Long commentId, long limit, boolean newestFirst) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, 0, false);
}
