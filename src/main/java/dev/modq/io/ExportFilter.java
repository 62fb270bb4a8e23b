package dev.modq.io;

import dev.modq.core.Status;
import dev.modq.core.query.Query;

import java.time.Instant;
import java.util.Set;

/**
 * Which comments to export: a query (like {@code list}), a set of statuses (empty: all), comments decided in
 * modq at or after {@code decidedSince} (null: any), and one source system (null: any).
 */
public record ExportFilter(Query query, Set<Status> statuses, Instant decidedSince, String sourceSystem) {

    public ExportFilter {
        query = query == null ? Query.EMPTY : query;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
