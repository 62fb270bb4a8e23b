package dev.modq.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * How long a writer waits for the database while something else (an import) writes: every 100 ms, takes the
 * write lock (BEGIN IMMEDIATE, as a decision does), writes one settings row, commits, and records the time from
 * BEGIN to COMMIT. Runs until the file named by STOP exists; prints the count, the median and the maximum.
 * Usage: LockProbe DB STOP_FILE
 */
public final class LockProbe {

    public static void main(String[] args) throws Exception {
        java.nio.file.Path stop = java.nio.file.Path.of(args[1]);
        java.util.List<Long> waits = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 60000");
            while (!java.nio.file.Files.exists(stop)) {
                long t = System.nanoTime();
                st.execute("BEGIN IMMEDIATE");
                st.execute("INSERT INTO settings (key, value) VALUES ('lockprobe', '" + t + "')"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                st.execute("COMMIT");
                waits.add((System.nanoTime() - t) / 1_000_000);
                Thread.sleep(100);
            }
        }
        java.util.Collections.sort(waits);
        System.out.println("lock_waits=" + waits.size() + " median_ms=" + waits.get(waits.size() / 2)
                + " max_ms=" + waits.get(waits.size() - 1));
    }
}
