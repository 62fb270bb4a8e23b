package dev.modq.store.sqlite;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a database safe for {@code modq demo} to replace: it was made by {@code modq demo} and nothing
 * happened to it since. A database that began as a demo and then received an import and decisions was once
 * replaced without a word; now any decision, any comment or post from elsewhere, any changed, added or removed
 * row keeps it.
 */
public final class DemoDatabase {

    /** The setting that marks a database made by {@code modq demo}. */
    static final String MARK = "demo";
    /** How many rows of each kind the demo wrote, to notice rows added or removed with the demo's own ids. */
    static final String CONTENTS = "demo_contents";
    private static final String DEMO_SOURCE = "demo";

    private DemoDatabase() {
    }

    /** Marks a freshly made demo database, recording what it holds. */
    public static void markMade(SqliteStore store) {
        store.putSetting(CONTENTS, contents(store));
        store.putSetting(MARK, "1");
    }

    public static boolean isMarked(SqliteStore store) {
        return store.setting(MARK).isPresent();
    }

    /**
     * Empty when the database holds nothing but the untouched demo data; otherwise what else it holds, e.g.
     * "3 decisions, 100 comments not from the demo".
     */
    public static Optional<String> otherThanDemo(SqliteStore store) {
        List<String> found = new ArrayList<>();
        add(found, count(store, "SELECT count(*) FROM audit_log"), "decision(s) in the audit log");
        add(found, count(store, "SELECT count(*) FROM batches"), "decision batch(es)");
        add(found, count(store, "SELECT count(*) FROM comments WHERE source_system <> '" + DEMO_SOURCE + "'"),
                "comment(s) not from the demo (imported or written by a blog)");
        add(found, count(store, "SELECT count(*) FROM posts WHERE source_system <> '" + DEMO_SOURCE + "'"),
                "post(s) not from the demo");
        add(found, count(store, "SELECT count(*) FROM comments WHERE version <> 0"), "changed comment(s)");
        Optional<String> recorded = store.setting(CONTENTS);
        if (recorded.isPresent() && !recorded.get().equals(contents(store))) {
            found.add("rows added or removed since the demo was made (" + contents(store) + ", made with "
                    + recorded.get() + ")");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private static String contents(SqliteStore store) {
        return "comments=" + count(store, "SELECT count(*) FROM comments")
                + " posts=" + count(store, "SELECT count(*) FROM posts")
                + " meta=" + count(store, "SELECT count(*) FROM comment_meta")
                + " moderators=" + count(store, "SELECT count(*) FROM moderators");
    }

    private static void add(List<String> found, long n, String what) {
        if (n > 0) {
            found.add(n + " " + what);
        }
    }

    private static long count(SqliteStore store, String sql) {
        return store.sql("checking what the demo database holds", () -> {
            try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
