package dev.modq.store.jdbc;

import dev.modq.core.Comment;
import dev.modq.core.score.Label;
import dev.modq.core.score.ModelState;
import dev.modq.store.Relearn;
import dev.modq.store.ScoreWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The spam model's writes inside a decision's transaction (the connection is in the transaction already), on either
 * backend: {@code unchecked} wraps an SQLException in the form the backend's write transaction translates.
 */
public final class JdbcScoreWrites implements ScoreWrites {

    private final Connection conn;
    private final SqlDialect dialect;
    private final Function<SQLException, RuntimeException> unchecked;

    public JdbcScoreWrites(Connection conn, SqlDialect dialect, Function<SQLException, RuntimeException> unchecked) {
        this.conn = conn;
        this.dialect = dialect;
        this.unchecked = unchecked;
    }

    @Override
    public ModelState model() {
        return sql(() -> ScoreSql.model(conn, "the database"));
    }

    @Override
    public List<Relearn> relearnable(Collection<Long> commentIds, Function<Comment, Label> target) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return sql(() -> {
            List<Comment> changed = new ArrayList<>();
            List<Label> learned = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + JdbcRows.COMMENT_COLUMNS + ", c.learned"
                    + " FROM comments c WHERE " + dialect.inNumbers("c.id") + " ORDER BY c.id")) {
                dialect.bindNumbers(conn, ps, 1, commentIds, "bigint");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(JdbcRows.comment(rs));
                        learned.add(Label.parse(rs.getString(17)));
                    }
                }
            }
            List<Relearn> out = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                Comment c = changed.get(i);
                Label to = target.apply(c);
                if (learned.get(i) != to) {
                    out.add(new Relearn(c.id(), learned.get(i), to, ScoreSql.input(conn, c, false)));
                }
            }
            return out;
        });
    }

    @Override
    public void addCounts(Map<Integer, int[]> deltas, long hamDelta, long spamDelta, long changes) {
        sql(() -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO score_tokens (bucket, ham, spam)"
                    + " VALUES (?, " + dialect.greatest("?", "0") + ", " + dialect.greatest("?", "0") + ")"
                    + " ON CONFLICT (bucket) DO UPDATE SET ham = " + dialect.greatest("score_tokens.ham + ?", "0")
                    + ", spam = " + dialect.greatest("score_tokens.spam + ?", "0"))) {
                for (Map.Entry<Integer, int[]> e : deltas.entrySet()) {
                    int[] d = e.getValue();
                    if (d[0] == 0 && d[1] == 0) {
                        continue;
                    }
                    ps.setInt(1, e.getKey());
                    ps.setInt(2, d[0]);
                    ps.setInt(3, d[1]);
                    ps.setInt(4, d[0]);
                    ps.setInt(5, d[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE score_model SET ham = "
                    + dialect.greatest("ham + ?", "0") + ", spam = " + dialect.greatest("spam + ?", "0")
                    + ", changes = changes + ? WHERE id = 1")) {
                ps.setLong(1, hamDelta);
                ps.setLong(2, spamDelta);
                ps.setLong(3, changes);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setLearned(Map<Long, Label> labels) {
        sql(() -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE comments SET learned = ? WHERE id = ?")) {
                for (Map.Entry<Long, Label> e : labels.entrySet()) {
                    ps.setString(1, e.getValue() == null ? null : e.getValue().key());
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private <T> T sql(JdbcAccess.SqlCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw unchecked.apply(e);
        }
    }
}
