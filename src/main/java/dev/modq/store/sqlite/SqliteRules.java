package dev.modq.store.sqlite;

import dev.modq.core.rules.Rule;
import dev.modq.core.rules.RuleAction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of rules, word lists and holds (schema V006); each method is one statement or a few. */
final class SqliteRules {

    private SqliteRules() {
    }

    static List<Rule> rules(Connection conn) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name, position, enabled, when_query, action, reason,"
                + " score_delta FROM rules ORDER BY position, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer delta = rs.getObject(7) == null ? null : rs.getInt(7);
                rules.add(Rule.stored(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1, rs.getString(4),
                        rs.getString(5), rs.getString(6), delta));
            }
        }
        return rules;
    }

    static void putRule(Connection conn, Rule rule, String by, long atMillis) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rules (name, position, enabled, when_query, action,"
                + " reason, score_delta, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET position = excluded.position, enabled = excluded.enabled,"
                + " when_query = excluded.when_query, action = excluded.action, reason = excluded.reason,"
                + " score_delta = excluded.score_delta, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            ps.setString(1, rule.name());
            ps.setInt(2, rule.position());
            ps.setInt(3, rule.enabled() ? 1 : 0);
            ps.setString(4, rule.when().print());
            ps.setString(5, rule.then().kind());
            ps.setString(6, rule.then() instanceof RuleAction.Reject r ? r.reason() : null);
            if (rule.then() instanceof RuleAction.Score s) {
                ps.setInt(7, s.delta());
            } else {
                ps.setNull(7, Types.INTEGER);
            }
            ps.setLong(8, atMillis);
            ps.setString(9, by);
            ps.executeUpdate();
        }
    }

    static boolean deleteRule(Connection conn, String name) throws SQLException {
        return update(conn, "DELETE FROM rules WHERE name = ?", name) > 0;
    }

    /** List name to number of words, by name. */
    static Map<String, Integer> wordLists(Connection conn) throws SQLException {
        Map<String, Integer> lists = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT l.name, count(w.word) FROM word_lists l"
                + " LEFT JOIN word_list_words w ON w.list_name = l.name GROUP BY l.name ORDER BY l.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lists.put(rs.getString(1), rs.getInt(2));
            }
        }
        return lists;
    }

    static Optional<List<String>> words(Connection conn, String list) throws SQLException {
        return dev.modq.store.jdbc.WordListSql.words(conn, list);
    }

    static void createWordList(Connection conn, String list, long atMillis) throws SQLException {
        update(conn, "INSERT INTO word_lists (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", list, atMillis);
    }

    static List<String> addWords(Connection conn, String list, Collection<String> words) throws SQLException {
        List<String> added = new ArrayList<>();
        for (String word : words) {
            if (update(conn, "INSERT INTO word_list_words (list_name, word) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    list, word) > 0) {
                added.add(word);
            }
        }
        return added;
    }

    static List<String> removeWords(Connection conn, String list, Collection<String> words) throws SQLException {
        List<String> removed = new ArrayList<>();
        for (String word : words) {
            if (update(conn, "DELETE FROM word_list_words WHERE list_name = ? AND word = ?", list, word) > 0) {
                removed.add(word);
            }
        }
        return removed;
    }

    static void deleteWordList(Connection conn, String list) throws SQLException {
        update(conn, "DELETE FROM word_list_words WHERE list_name = ?", list);
        update(conn, "DELETE FROM word_lists WHERE name = ?", list);
    }

    static void putHolds(Connection conn, Collection<Long> ids, String rule, String batchId, long atMillis)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO comment_holds (comment_id, rule, batch_id, at)"
                + " SELECT value, ?, ?, ? FROM json_each(?) WHERE true ON CONFLICT (comment_id) DO UPDATE SET"
                + " rule = excluded.rule, batch_id = excluded.batch_id, at = excluded.at")) {
            ps.setString(1, rule);
            ps.setString(2, batchId);
            ps.setLong(3, atMillis);
            ps.setString(4, json(ids));
            ps.executeUpdate();
        }
    }

    static void clearHolds(Connection conn, String batchId) throws SQLException {
        update(conn, "DELETE FROM comment_holds WHERE batch_id = ?", batchId);
    }

    /** Decided comments are no longer held: the mark is for the pending queue. */
    static void clearHoldsOf(Connection conn, Collection<Long> ids) throws SQLException {
        update(conn, "DELETE FROM comment_holds WHERE comment_id IN (SELECT value FROM json_each(?))", json(ids));
    }

    /** The rule that holds each of these comments, for those held. */
    static Map<Long, String> holds(Connection conn, Collection<Long> ids) throws SQLException {
        Map<Long, String> holds = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT h.comment_id, h.rule FROM comment_holds h"
                + " JOIN comments c ON c.id = h.comment_id AND c.status = 'pending'"
                + " WHERE h.comment_id IN (SELECT value FROM json_each(?))")) {
            ps.setString(1, json(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holds.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return holds;
    }

    /**
     * One pass over the automatic moderator's entries (its index), each checked against the comment's later entries
     * (audit_by_comment): reversed = a person later set another status (for a hold: approved it); undone = an undo
     * entry names it.
     */
    static List<dev.modq.store.AutoDecisionStats> autoDecisionStats(Connection conn) throws SQLException {
        String sql = "SELECT CASE WHEN a.note LIKE 'score %' THEN 'score' ELSE coalesce(a.note, '') END AS label,"
                + " a.action, count(*),"
                + " sum(CASE WHEN EXISTS (SELECT 1 FROM audit_log b WHERE b.comment_id = a.comment_id AND b.id > a.id"
                + "   AND b.moderator <> 'auto' AND b.action IN ('approve', 'reject', 'flag', 'pending')"
                + "   AND (CASE WHEN a.action = 'hold' THEN b.to_status = 'approved' ELSE b.to_status <> a.to_status END))"
                + "   THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN EXISTS (SELECT 1 FROM audit_log u WHERE u.undo_of = a.id) THEN 1 ELSE 0 END)"
                + " FROM audit_log a WHERE a.moderator = 'auto' AND a.action IN ('approve', 'reject', 'flag', 'hold')"
                + " GROUP BY label, a.action ORDER BY label, a.action";
        List<dev.modq.store.AutoDecisionStats> stats = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stats.add(new dev.modq.store.AutoDecisionStats(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)));
            }
        }
        return stats;
    }

    static long maxCommentId(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(max(id), 0) FROM comments");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static int update(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            SqliteStore.bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static String json(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (Long id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(id);
        }
        return sb.append(']').toString();
    }
}
