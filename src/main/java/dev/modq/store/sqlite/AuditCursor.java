package dev.modq.store.sqlite;

import dev.modq.core.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The audit log in id order as an iterator over a live result set: one row in memory at a time. */
final class AuditCursor implements Iterator<AuditEntry>, AutoCloseable {

    private final PreparedStatement ps;
    private final ResultSet rs;
    private Boolean hasNext;

    AuditCursor(Connection conn, long fromId) throws SQLException {
        ps = conn.prepareStatement("SELECT " + Rows.AUDIT_COLUMNS + " FROM audit_log WHERE id >= ? ORDER BY id");
        ps.setLong(1, fromId);
        rs = ps.executeQuery();
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = rs.next();
            } catch (SQLException e) {
                throw new SqliteWriteTransaction.UncheckedSql(e);
            }
        }
        return hasNext;
    }

    @Override
    public AuditEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            return Rows.audit(rs);
        } catch (SQLException e) {
            throw new SqliteWriteTransaction.UncheckedSql(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            rs.close();
        } finally {
            ps.close();
        }
    }
}
