package dev.modq.store.jdbc;

import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.score.CountTable;
import dev.modq.core.score.Fingerprint;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.ScoreInput;
import dev.modq.core.score.Thresholds;
import dev.modq.core.score.TokenCounts;
import dev.modq.store.ScoreStore;
import dev.modq.store.StoredScore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The spam model's store on either backend: counts in score_tokens, totals in score_model, scores on comments. Each
 * backend lends its connection and its ways of reading and writing ({@link JdbcBackend}); the SQL differs only in
 * {@link SqlDialect}'s spellings.
 */
public final class JdbcScores implements ScoreStore {

    /** Rows fetched at a time where the driver fetches in chunks. */
    public static final int FETCH = 1_000;

    private static final int FINGERPRINT_BATCH = 2_000;
    private static final int TOKEN_BATCH = 5_000;

    private final JdbcBackend store;

    public JdbcScores(JdbcBackend store) {
        this.store = store;
    }

    private Connection conn() {
        return store.connection();
    }

    private String where() {
        return store.where();
    }

    @Override
    public ModelState model() {
        return store.read("reading the spam model", () -> ScoreSql.model(conn(), where()));
    }

    @Override
    public TokenCounts counts(Collection<Integer> buckets) {
        return store.read("reading the spam model", () -> ScoreSql.counts(conn(), store.dialect(), buckets));
    }

    @Override
    public CountTable loadCounts() {
        return store.snapshot("loading the spam model", () -> {
            ModelState model = ScoreSql.model(conn(), where());
            CountTable table = new CountTable();
            table.setLearned(model.hamLearned(), model.spamLearned());
            try (PreparedStatement ps = conn().prepareStatement("SELECT bucket, ham, spam FROM score_tokens")) {
                ps.setFetchSize(FETCH);  // the table already takes its room: no second copy in the driver
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        table.put(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                    }
                }
            }
            return table;
        });
    }

    @Override
    public ScoreInput input(Comment comment) {
        return store.read("reading the author's history", () -> ScoreSql.input(conn(), comment, false));
    }

    @Override
    public ScoreInput inputAsOf(Comment comment) {
        return store.read("reading the author's history", () -> ScoreSql.input(conn(), comment, true));
    }

    @Override
    public void setThresholds(Thresholds t) {
        store.transaction("setting the score thresholds", () -> {
            try (PreparedStatement ps = conn().prepareStatement(
                    "UPDATE score_model SET ham_below = ?, spam_above = ? WHERE id = 1")) {
                ps.setInt(1, t.hamBelow());
                ps.setInt(2, t.spamAbove());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Comment> due(Set<Status> statuses, long generation, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + JdbcRows.COMMENT_COLUMNS + " FROM comments c WHERE c.status IN ("
                + marks(statuses, params) + ") AND c.score_model < ? LIMIT ?";
        params.add(generation);
        params.add(limit);
        return store.read("finding comments to score", () -> {
            List<Comment> rows = new ArrayList<>();
            try (PreparedStatement ps = conn().prepareStatement(sql)) {
                JdbcRows.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(JdbcRows.comment(rs));
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public long countDue(Set<Status> statuses, long generation, long cap) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM comments c WHERE c.status IN (" + marks(statuses, params)
                + ") AND c.score_model < ? LIMIT ?) AS t";
        params.add(generation);
        params.add(cap + 1);
        return store.read("counting comments to score", () -> {
            try (PreparedStatement ps = conn().prepareStatement(sql)) {
                JdbcRows.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private static String marks(Set<Status> statuses, List<Object> params) {
        statuses.stream().sorted().forEach(s -> params.add(s.label()));
        return String.join(", ", Collections.nCopies(statuses.size(), "?"));
    }

    @Override
    public void saveScores(Collection<StoredScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        store.transaction("storing spam scores", () -> {
            try (PreparedStatement ps = conn().prepareStatement(
                    "UPDATE comments SET score = ?, score_model = ?, fingerprint = ? WHERE id = ?")) {
                for (StoredScore s : scores) {
                    ps.setInt(1, s.score());
                    ps.setLong(2, s.generation());
                    ps.setLong(3, s.fingerprint());
                    ps.setLong(4, s.commentId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long nextGeneration() {
        return store.transaction("starting a new generation of scores", () -> {
            try (PreparedStatement ps = conn().prepareStatement(
                    "UPDATE score_model SET generation = generation + 1, changes = 0 WHERE id = 1 RETURNING generation");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public long fillFingerprints() {
        long done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<long[]> batch = store.read("reading texts to fingerprint", () -> {
                List<long[]> rows = new ArrayList<>();
                try (PreparedStatement ps = conn().prepareStatement("SELECT id, body FROM comments"
                        + " WHERE id > ? AND fingerprint IS NULL ORDER BY id LIMIT ?")) {
                    ps.setLong(1, from);
                    ps.setInt(2, FINGERPRINT_BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new long[]{rs.getLong(1), Fingerprint.of(rs.getString(2))});
                        }
                    }
                }
                return rows;
            });
            if (batch.isEmpty()) {
                return done;
            }
            store.transaction("storing text fingerprints", () -> {
                try (PreparedStatement ps = conn().prepareStatement("UPDATE comments SET fingerprint = ? WHERE id = ?")) {
                    for (long[] row : batch) {
                        ps.setLong(1, row[1]);
                        ps.setLong(2, row[0]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            done += batch.size();
            after = batch.get(batch.size() - 1)[0];
        }
    }

    @Override
    public void forEachByAge(boolean decidedOnly, Consumer<Comment> each) {
        String sql = "SELECT " + JdbcRows.COMMENT_COLUMNS + " FROM comments c"
                + (decidedOnly ? " WHERE c.status IN ('approved', 'rejected')" : "") + " ORDER BY c.created_at, c.id";
        store.streamed("reading comments in order", () -> {
            try (PreparedStatement ps = conn().prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(JdbcRows.comment(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void replaceModel(CountTable counts) {
        store.transaction("replacing the spam model", () -> {
            ScoreSql.model(conn(), where());
            try (PreparedStatement del = conn().prepareStatement("DELETE FROM score_tokens")) {
                del.executeUpdate();
            }
            try (PreparedStatement ins = conn().prepareStatement(
                    "INSERT INTO score_tokens (bucket, ham, spam) VALUES (?, ?, ?)")) {
                int[] pending = {0};
                JdbcAccess.SqlCall<Void> flush = () -> {
                    ins.executeBatch();
                    pending[0] = 0;
                    return null;
                };
                counts.forEachNonZero((bucket, ham, spam) -> {
                    try {
                        ins.setInt(1, bucket);
                        ins.setInt(2, ham);
                        ins.setInt(3, spam);
                        ins.addBatch();
                        if (++pending[0] == TOKEN_BATCH) {
                            flush.run();
                        }
                    } catch (java.sql.SQLException e) {
                        throw store.unchecked(e);
                    }
                });
                flush.run();
            }
            try (PreparedStatement model = conn().prepareStatement("UPDATE score_model SET ham = ?, spam = ?,"
                    + " generation = generation + 1, changes = 0, format = ? WHERE id = 1")) {
                model.setLong(1, counts.hamLearned());
                model.setLong(2, counts.spamLearned());
                model.setInt(3, ModelState.FORMAT);
                model.executeUpdate();
            }
            try (PreparedStatement learned = conn().prepareStatement("UPDATE comments SET learned = "
                    + ScoreSql.LABEL_SQL + " WHERE learned " + store.dialect().distinctFrom() + " " + ScoreSql.LABEL_SQL)) {
                learned.executeUpdate();
            }
            return null;
        });
    }
}
