package dev.modq.core.query;

import dev.modq.core.Status;
import java.util.*;

/** TEMPORARY STUB until the query branch lands. */
public final class Query {
    public static final Query EMPTY = new Query(null);
    private final Status status;
    private Query(Status s) { this.status = s; }
    public static Query parse(String text) {
        if (text == null || text.isBlank()) return EMPTY;
        if (text.startsWith("status:")) return ofStatus(Status.parse(text.substring(7)));
        throw new IllegalArgumentException("stub");
    }
    public static Query ofStatus(Status s) { return new Query(s); }
    public Optional<Set<Status>> statuses() { return status == null ? Optional.empty() : Optional.of(Set.of(status)); }
    public Query withoutStatus() { return EMPTY; }
    public Query and(Query o) { return o.status != null ? o : this; }
    public boolean isEmpty() { return status == null; }
    public String print() { return status == null ? "" : "status:" + status.label(); }
    @Override public boolean equals(Object o) { return o instanceof Query q && Objects.equals(q.status, status); }
    @Override public int hashCode() { return Objects.hashCode(status); }
    @Override public String toString() { return print(); }
}
