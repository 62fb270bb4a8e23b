package dev.modq.store;

import java.util.Optional;

/** Whether a database is an untouched {@code modq demo} database, which alone a new demo may replace. */
public interface DemoMarks {

    /** Marks a freshly made demo database, recording what it holds. */
    void markDemo();

    boolean isDemo();

    /** Empty when the database holds nothing but the untouched demo data; otherwise what else it holds. */
    Optional<String> otherThanDemo();
}
