package dev.modq.store;

import dev.modq.io.ExportFilter;
import dev.modq.io.ExportRow;

import java.util.Set;
import java.util.function.Consumer;

/** Comments and their decisions out (modq export), streamed; and the record of which decisions were pushed. */
public interface ExportSource {

    /** Calls {@code out} for every comment the filter selects; returns how many. */
    long forEachExport(ExportFilter filter, Consumer<ExportRow> out);

    /**
     * Records that the decisions the filter selects, up to audit entry {@code throughDecision}, were pushed to their
     * source (except the source ids in {@code except}); returns how many were recorded.
     */
    long confirmPushed(ExportFilter unpushed, long throughDecision, Set<String> except);
}
