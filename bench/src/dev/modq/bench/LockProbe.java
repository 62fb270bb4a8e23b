package dev.modq.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * How long a writer waits for the database while something else (an import) writes: every 100 ms, takes the
 * write lock a decision takes, writes one settings row, commits, and records the time from the lock to COMMIT.
 * On SQLite that lock is BEGIN IMMEDIATE; on PostgreSQL (DB a jdbc:postgresql: URL) the audit chain's lock every
 * modq write takes first (LOCK TABLE audit_chain_lock IN SHARE ROW EXCLUSIVE MODE). Runs until the file named by
 * STOP exists; prints the count, the median and the maximum.
 * Usage: LockProbe DB STOP_FILE
 */
public final class LockProbe {

    public static void main(String[] args) throws Exception {
        java.nio.file.Path stop = java.nio.file.Path.of(args[1]);
        boolean pg = args[0].startsWith("jdbc:postgresql:");
        java.util.List<Long> waits = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg ? args[0] : "jdbc:sqlite:" + args[0]);
             Statement st = c.createStatement()) {
            st.execute(pg ? "SET lock_timeout = 60000" : "PRAGMA busy_timeout = 60000");
            while (!java.nio.file.Files.exists(stop)) {
                long t = System.nanoTime();
                if (pg) {
                    c.setAutoCommit(false);
                    st.execute("LOCK TABLE audit_chain_lock IN SHARE ROW EXCLUSIVE MODE");
                } else {
                    st.execute("BEGIN IMMEDIATE");
                }
                st.execute("INSERT INTO settings (key, value) VALUES ('lockprobe', '" + t + "')"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                if (pg) {
                    c.commit();
                    c.setAutoCommit(true);
                } else {
                    st.execute("COMMIT");
                }
                waits.add((System.nanoTime() - t) / 1_000_000);
                Thread.sleep(100);
            }
        }
        java.util.Collections.sort(waits);
        System.out.println("lock_waits=" + waits.size() + " median_ms=" + waits.get(waits.size() / 2)
                + " max_ms=" + waits.get(waits.size() - 1));
    }
}
