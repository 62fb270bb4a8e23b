package dev.modq.io;

import dev.modq.core.Status;
import dev.modq.core.query.Query;

import java.time.Instant;
import java.util.Set;

/**
 * Which comments to export: a query (like {@code list}), a set of statuses (empty: all), comments decided in
 * modq at or after {@code decidedSince} (null: any), one source system (null: any), and, when
 * {@code unpushedFor} names a push target (wp-cli, disqus-ids), only comments decided in modq since their state
 * was last confirmed pushed there.
 */
public record ExportFilter(Query query, Set<Status> statuses, Instant decidedSince, String sourceSystem,
                           String unpushedFor) {

    public ExportFilter {
        query = query == null ? Query.EMPTY : query;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public ExportFilter(Query query, Set<Status> statuses, Instant decidedSince, String sourceSystem) {
        this(query, statuses, decidedSince, sourceSystem, null);
    }
}
