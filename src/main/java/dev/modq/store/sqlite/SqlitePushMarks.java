package dev.modq.store.sqlite;

import dev.modq.io.ExportFilter;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Marks decisions as pushed to a target once the operator confirms the script ran (pushed_decisions). */
public final class SqlitePushMarks {

    private SqlitePushMarks() {
    }

    /**
     * Marks every comment the same export would emit now (same filters, not yet pushed) whose latest decision is
     * at most {@code throughDecision}, except the source ids the script reported as failed; returns how many.
     */
    public static long confirm(SqliteStore store, ExportFilter unpushed, long throughDecision, Set<String> except) {
        List<long[]> marks = new ArrayList<>();
        SqliteExport.forEach(store, unpushed, row -> {
            if (row.decisionId() <= throughDecision && !except.contains(row.sourceId())) {
                marks.add(new long[]{row.id(), row.decisionId()});
            }
        });
        long now = store.clock().millis();
        return store.writeRaw("confirming the push", () -> {
            try (PreparedStatement ps = store.rawConnection().prepareStatement("INSERT INTO pushed_decisions"
                    + " (target, comment_id, audit_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (target, comment_id)"
                    + " DO UPDATE SET audit_id = excluded.audit_id, at = excluded.at")) {
                for (long[] mark : marks) {
                    SqliteStore.bind(ps, unpushed.unpushedFor(), mark[0], mark[1], now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return (long) marks.size();
        });
    }
}
