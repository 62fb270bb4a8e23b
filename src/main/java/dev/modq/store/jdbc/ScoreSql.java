package dev.modq.store.jdbc;

import dev.modq.core.AuthorHistory;
import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Status;
import dev.modq.core.score.Fingerprint;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.ScoreInput;
import dev.modq.core.score.Thresholds;
import dev.modq.core.score.TokenCounts;
import dev.modq.store.SchemaException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The SQL the spam model shares between plain reads and write transactions, on either backend. */
final class ScoreSql {

    /** Author history and repeated text are counted up to here: a spammer's 100,000th comment costs what the 101st does. */
    static final long CAP = 100;

    /** The label a comment's state teaches (see core/score/Label), as SQL over {@code comments}. */
    static final String LABEL_SQL = labelSql("");

    static String labelSql(String alias) {
        return "CASE WHEN " + alias + "status = 'approved' THEN 'ham' WHEN " + alias + "status = 'rejected'"
                + " AND lower(trim(coalesce(" + alias + "reason, ''))) = 'spam' THEN 'spam' END";
    }

    private ScoreSql() {
    }

    static ModelState model(Connection conn, String where) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT format, ham, spam, generation, changes, ham_below,"
                + " spam_above FROM score_model WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SchemaException("the spam model's row is missing from " + where
                        + ": run `modq learn` to rebuild it");
            }
            int format = rs.getInt(1);
            if (format > ModelState.FORMAT) {
                throw new SchemaException("the spam model in " + where + " has format " + format
                        + ", newer than this modq (knows up to " + ModelState.FORMAT + "): use a newer modq");
            }
            return new ModelState(format, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    new Thresholds(rs.getInt(6), rs.getInt(7)));
        }
    }

    static TokenCounts counts(Connection conn, SqlDialect dialect, Collection<Integer> buckets) throws SQLException {
        Map<Integer, int[]> found = new HashMap<>(buckets.size() * 2);
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT bucket, ham, spam FROM score_tokens WHERE " + dialect.inNumbers("bucket"))) {
            dialect.bindNumbers(conn, ps, 1, buckets.stream().distinct().toList(), "integer");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getInt(1), new int[]{rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        return new TokenCounts() {
            @Override
            public int ham(int bucket) {
                int[] c = found.get(bucket);
                return c == null ? 0 : c[0];
            }

            @Override
            public int spam(int bucket) {
                int[] c = found.get(bucket);
                return c == null ? 0 : c[1];
            }
        };
    }

    /**
     * The scorer's view of a comment; with {@code asOf}, only comments that arrived before it (lower ids: the
     * (author, status) and fingerprint indexes end in the id, so this stays one bounded range) count.
     */
    static ScoreInput input(Connection conn, Comment c, boolean asOf) throws SQLException {
        return new ScoreInput(c.body(), c.authorName(), c.authorUrl(), c.kind() != CommentKind.COMMENT,
                history(conn, c, asOf), repeats(conn, c, asOf));
    }

    /** Like the store's authorHistoryUpTo (the derived table's alias: PostgreSQL needs one, SQLite allows it): one bounded range of the (author, status) index per status. */
    static AuthorHistory history(Connection conn, Comment c, boolean asOf) throws SQLException {
        boolean byEmail = c.authorEmail() != null && !c.authorEmail().isBlank();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments WHERE " + (byEmail ? "author_email" : "author_name")
                + " = ? AND status = ? AND id <> ?" + (asOf ? " AND id < ?" : "") + " LIMIT ?) AS t";
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (Status status : Status.values()) {
                int i = 1;
                ps.setString(i++, byEmail ? c.authorEmail() : c.authorName());
                ps.setString(i++, status.label());
                ps.setLong(i++, c.id());
                if (asOf) {
                    ps.setLong(i++, c.id());
                }
                ps.setLong(i, CAP);
                try (ResultSet rs = ps.executeQuery()) {
                    counts.put(status, rs.next() ? rs.getLong(1) : 0L);
                }
            }
        }
        return new AuthorHistory(counts.get(Status.APPROVED), counts.get(Status.REJECTED), counts.get(Status.FLAGGED),
                counts.get(Status.PENDING));
    }

    static long repeats(Connection conn, Comment c, boolean asOf) throws SQLException {
        long fingerprint = Fingerprint.of(c.body());
        if (fingerprint == Fingerprint.NONE) {
            return 0;
        }
        // "fingerprint <> 0" as the partial index says it, so that SQLite uses the index (else: a scan per comment)
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments WHERE fingerprint = ? AND fingerprint <> 0 AND id <> ?"
                + (asOf ? " AND id < ?" : "") + " LIMIT ?) AS t";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, fingerprint);
            ps.setLong(i++, c.id());
            if (asOf) {
                ps.setLong(i++, c.id());
            }
            ps.setLong(i, CAP);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
