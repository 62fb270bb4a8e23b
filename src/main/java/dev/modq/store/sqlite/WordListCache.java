package dev.modq.store.sqlite;

import dev.modq.core.query.Query;
import dev.modq.core.query.WordMatcher;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word lists one connection's {@code modq_words(text, list)} function matches against. Before a query that names
 * lists runs, {@link #load} reads them (a few thousand words at most), so every statement sees the lists as they were
 * when it started, and the per-row function only looks a name up.
 */
final class WordListCache {

    private final Map<String, WordMatcher> matchers = new ConcurrentHashMap<>();

    /** Reads the lists the query names; the names of those that do not exist. */
    List<String> load(Connection conn, Query query) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String list : query.listNames()) {
            Optional<List<String>> words = dev.modq.store.jdbc.WordListSql.words(conn, list);
            if (words.isEmpty()) {
                missing.add(list);
            } else {
                matchers.put(list, new WordMatcher(words.get()));
            }
        }
        return missing;
    }

    WordMatcher matcher(String list) {
        return matchers.get(list);
    }
}
