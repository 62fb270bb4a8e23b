package dev.modq.service;

import dev.modq.store.RowCopy;
import dev.modq.store.StoreException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code modq copy} does with a NUL character (U+0000) in text bound for a backend whose text cannot hold one
 * (PostgreSQL). Comments, posts and their meta are what the blog sent (the demo's hostile comments carry NULs on
 * purpose): there each NUL becomes U+FFFD, the replacement character, and the values changed are counted for the
 * summary. The audit log is another matter: every one of its columns feeds its entry's hash
 * ({@link dev.modq.core.AuditChain}), so a changed character would break {@code modq log --verify} on the
 * destination; a NUL there, or in any other table (rules, keys, settings: what moderators wrote), refuses the copy in
 * one line, nothing written.
 */
final class NulInText implements RowCopy.RowSink {

    /** Tables of blog content, where a NUL is replaced. */
    static final Set<String> REPLACED_IN = Set.of("comments", "posts", "comment_meta");

    /** The hash chain's table: each column is hashed (AuditChain.hashV2 covers every field, prev_hash included). */
    static final String CHAINED = "audit_log";

    private static final char NUL = '\0';
    private static final char REPLACEMENT = '\uFFFD';

    private final RowCopy.RowSink sink;
    private final Optional<String> refusedBy;
    private final Map<String, Long> replaced = new LinkedHashMap<>();
    private RowCopy.Table table;

    /** {@code refusedBy}: the destination's backend when its text cannot hold a NUL; empty: values pass unchanged. */
    NulInText(RowCopy.RowSink sink, Optional<String> refusedBy) {
        this.sink = sink;
        this.refusedBy = refusedBy;
    }

    /** Values changed per table, only tables with any. */
    Map<String, Long> replaced() {
        return replaced;
    }

    @Override
    public void table(RowCopy.Table next) {
        table = next;
        sink.table(next);
    }

    @Override
    public void row(Object[] values) {
        for (int i = 0; refusedBy.isPresent() && i < values.length; i++) {
            if (values[i] instanceof String s && s.indexOf(NUL) >= 0) {
                if (!REPLACED_IN.contains(table.name())) {
                    throw new StoreException(refusal(table.columns().get(i), values[0]));
                }
                values[i] = s.replace(NUL, REPLACEMENT);
                replaced.merge(table.name(), 1L, Long::sum);
            }
        }
        sink.row(values);
    }

    private String refusal(String column, Object key) {
        if (table.name().equals(CHAINED)) {
            return "copy: audit entry " + key + " holds a NUL character in its " + column + ", which " + refusedBy.get()
                    + " text cannot store, and replacing it would break the audit chain (the entry's hash covers it):"
                    + " keep this database on SQLite or copy it to a SQLite file; nothing was changed";
        }
        return "copy: table " + table.name() + " row " + key + " holds a NUL character in its " + column + ", which "
                + refusedBy.get() + " text cannot store: remove it in the source first; nothing was changed";
    }
}
