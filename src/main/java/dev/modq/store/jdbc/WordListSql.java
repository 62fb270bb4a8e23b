package dev.modq.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A word list read on either backend, on the caller's connection (so in its snapshot or transaction). */
public final class WordListSql {

    private WordListSql() {
    }

    /** The list's words in order, or empty when there is no such list (a list with no words is an empty list). */
    public static Optional<List<String>> words(Connection conn, String list) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT w.word FROM word_lists l"
                + " LEFT JOIN word_list_words w ON w.list_name = l.name WHERE l.name = ? ORDER BY w.word")) {
            ps.setString(1, list);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> words = new ArrayList<>();
                do {
                    if (rs.getString(1) != null) {
                        words.add(rs.getString(1));
                    }
                } while (rs.next());
                return Optional.of(words);
            }
        }
    }
}
