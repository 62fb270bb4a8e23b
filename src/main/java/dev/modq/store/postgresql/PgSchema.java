package dev.modq.store.postgresql;

/** Facts about modq's PostgreSQL schema that code outside the migrations relies on. */
public final class PgSchema {

    /**
     * The NOTIFY channel the schema's triggers signal after every statement that changes comments, the audit log or
     * the roster (payload: the table's name, a hint only). A watcher LISTENs on it on a dedicated connection.
     */
    public static final String CHANGES_CHANNEL = PgChangeWatcher.CHANNEL;

    /** The oldest server modq runs on (server_version_num): 13 has pg_current_snapshot and all else used. */
    public static final int MIN_SERVER_VERSION_NUM = 130000;

    public static final String MIN_SERVER_VERSION = "13";

    private PgSchema() {
    }
}
