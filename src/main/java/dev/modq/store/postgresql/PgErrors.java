package dev.modq.store.postgresql;

import dev.modq.store.StoreBusyException;
import dev.modq.store.StoreException;
import dev.modq.store.StoreReadOnlyException;

import java.sql.SQLException;

/** PostgreSQL errors as one line each: what failed, where, what to do. Messages never carry a password. */
final class PgErrors {

    /** SQLSTATE of a serialization failure (concurrent update under REPEATABLE READ/SERIALIZABLE). */
    static final String SERIALIZATION_FAILURE = "40001";
    /** SQLSTATE of a detected deadlock. */
    static final String DEADLOCK = "40P01";

    private PgErrors() {
    }

    /** Whether retrying the whole transaction may succeed. */
    static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (SERIALIZATION_FAILURE.equals(s.getSQLState())
                    || DEADLOCK.equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static String kind(SQLException e) {
        return DEADLOCK.equals(e.getSQLState()) ? "deadlock" : "serialization failure";
    }

    /** A failure to connect: unreachable, refused credentials, no such database. */
    static StoreException connecting(PgAddress address, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = address.shown();
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("cannot connect to " + where + ": the server refused the credentials of role '"
                    + (address.user() == null ? "(your OS user)" : address.user())
                    + "': check the user, and the password in PGPASSWORD or ~/.pgpass (PGPASSFILE)", e);
        }
        if (state.equals("3D000")) {
            return new StoreException("cannot connect to " + where + ": database '" + address.database()
                    + "' does not exist: create it (createdb " + address.database() + ") or check the address", e);
        }
        if (state.startsWith("08")) {
            return new StoreException("cannot connect to " + where + ": " + firstSentence(e.getMessage())
                    + ": check that the server runs and the host and port are right", e);
        }
        return new StoreException("cannot connect to " + where + ": " + firstLine(e.getMessage()), e);
    }

    /** Any other failure while {@code doing} something. */
    static StoreException translate(PgAddress address, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = address.shown();
        if (state.startsWith("08")) {
            return new StoreException("lost the connection to " + where + " while " + doing + ": "
                    + firstLine(e.getMessage()) + ": nothing of it was committed; try again", e);
        }
        if (state.equals("25006")) {
            return new StoreReadOnlyException("database " + where + " is read-only (a standby or a read-only"
                    + " session), so " + doing + " is not possible: connect to the primary", e);
        }
        if (state.equals("42501")) {
            return new StoreReadOnlyException("database role " + (address.user() == null ? "(your OS user)" : address.user())
                    + " may not do this on " + where + " (" + doing + "): " + firstLine(e.getMessage())
                    + "; see docs/postgresql.md for the roles modq needs", e);
        }
        if (state.equals("55P03") || state.equals("57014")) {
            return new StoreBusyException("timed out waiting for a lock on " + where + " while " + doing
                    + " (another writer holds it): try again", e);
        }
        if (state.equals("53100")) {
            return new StoreException("the server of " + where + " has no disk space left while " + doing, e);
        }
        return new StoreException("database error on " + where + " while " + doing + ": " + firstLine(e.getMessage()), e);
    }

    /** The driver's first sentence ("Connection to h:1 refused"), without its own advice after it. */
    static String firstSentence(String message) {
        String line = firstLine(message);
        int end = line.indexOf(". ");
        return end > 0 ? line.substring(0, end) : line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return (nl >= 0 ? message.substring(0, nl) : message).strip();
    }
}
