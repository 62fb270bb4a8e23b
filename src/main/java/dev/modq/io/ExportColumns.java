package dev.modq.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of JSON lines and CSV exports: the import columns (so an export imports into another modq
 * database) followed by modq's own: row id, version and the latest decision.
 */
final class ExportColumns {

    static final List<String> NAMES = List.of("source", "post_id", "post_title", "post_url", "comment_id",
            "parent_id", "author_name", "author_email", "author_url", "author_ip", "user_agent", "body", "created_at",
            "status", "reason", "kind", "id", "version", "decision", "decided_by", "decided_at", "post_author",
            "post_published_at", "meta");

    private ExportColumns() {
    }

    /** Values in {@link #NAMES} order; nulls stay null. Rows that came from no export use modq's ids. */
    static List<String> values(ExportRow r) {
        List<String> v = new ArrayList<>(NAMES.size());
        v.add(r.sourceSystem());
        v.add(r.postSourceId() != null ? r.postSourceId() : String.valueOf(r.postId()));
        v.add(r.postTitle());
        v.add(r.postUrl());
        v.add(r.sourceId() != null ? r.sourceId() : String.valueOf(r.id()));
        v.add(r.parentSourceId());
        v.add(r.authorName());
        v.add(r.authorEmail());
        v.add(r.authorUrl());
        v.add(r.authorIp());
        v.add(r.userAgent());
        v.add(r.body());
        v.add(r.createdAt().toString());
        v.add(r.status().label());
        v.add(r.reason());
        v.add(r.kind().label());
        v.add(String.valueOf(r.id()));
        v.add(String.valueOf(r.version()));
        v.add(r.decision());
        v.add(r.decidedBy());
        v.add(r.decidedAt() == null ? null : r.decidedAt().toString());
        v.add(r.postAuthor());
        v.add(r.postPublishedAt() == null ? null : r.postPublishedAt().toString());
        v.add(r.metaJson());
        return v;
    }
}
