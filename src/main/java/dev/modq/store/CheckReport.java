package dev.modq.store;

import java.util.List;

/**
 * What {@code modq check} found: one result per check, in a fixed order. A failed check carries how many
 * things are wrong, a few examples and a one-line summary.
 */
public record CheckReport(String db, long comments, long auditEntries, List<Result> results) {

    public static final String INTEGRITY = "integrity";
    public static final String FOREIGN_KEYS = "foreign keys";
    public static final String AUDIT_CHAIN = "audit chain";
    public static final String AUDIT_VS_COMMENTS = "audit vs comments";
    public static final String STATUS_COUNTS = "status counts";

    public record Result(String check, boolean ok, long problems, String summary, List<String> examples) {

        public static Result ok(String check, String summary) {
            return new Result(check, true, 0, summary, List.of());
        }

        public static Result failed(String check, long problems, String summary, List<String> examples) {
            return new Result(check, false, problems, summary, List.copyOf(examples));
        }
    }

    public boolean ok() {
        return results.stream().allMatch(Result::ok);
    }

    public long failedChecks() {
        return results.stream().filter(r -> !r.ok()).count();
    }

    public Result result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check named " + check));
    }
}
