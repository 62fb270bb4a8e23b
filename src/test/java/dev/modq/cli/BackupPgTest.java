package dev.modq.cli;

import dev.modq.service.DatabaseBackup;
import dev.modq.store.BackupResult;
import dev.modq.store.OpenOptions;
import dev.modq.store.RowCopy;
import dev.modq.store.Store;
import dev.modq.store.Stores;
import dev.modq.testing.CliRun;
import dev.modq.testing.PgCluster;
import dev.modq.testing.PgDatabase;
import dev.modq.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modq backup FILE} on PostgreSQL: a verified SQLite file holding one snapshot of the database, written the
 * way a SQLite backup is (temporary name, owner-only, checked, then named), with the same summary line.
 */
@ExtendWith(PgCluster.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BackupPgTest {

    @TempDir
    Path dir;

    private String pg;
    private PgDatabase database;

    @BeforeEach
    void aPostgresqlDatabaseThatHasSeenSomeLife(PgDatabase database) {
        this.database = database;
        pg = database.address();
        Path life = dir.resolve("life.db");
        ok("demo", "--comments", "300", "--no-open", "--db", life.toString());
        ok("copy", life.toString(), pg);
        ok("--db", pg, "reject", "1", "2", "3", "--reason", "spam");
        ok("--db", pg, "approve", "4", "5");
        ok("--db", pg, "flag", "6", "--note", "ask the editor");
        ok("--db", pg, "moderator", "add", "alice", "--role", "viewer");
    }

    @Test
    void aPostgresqlBackupIsAVerifiedOwnerOnlySqliteFileSaidLikeASqliteOne() throws Exception {
        Path file = dir.resolve("pg-backup.db");
        CliRun r = CliRun.run("--db", pg, "backup", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        String counts = ok("--db", pg, "stats", "--format", "json").out();
        assertTrue(r.err().matches("modq: backed up to " + java.util.regex.Pattern.quote(file.toString())
                + " \\(\\d+(\\.\\d)? (B|KiB|MiB)\\): 300 comments \\(\\d+ pending, \\d+ approved, \\d+ rejected, \\d+ flagged\\),"
                + " 7 audit entries; copy verified\\R"), r.err());

        // the same line a SQLite backup gives, once the PostgreSQL database is back in a file
        Path sqlite = dir.resolve("sqlite.db");
        ok("copy", pg, sqlite.toString());
        String sqliteLine = CliRun.run("--db", sqlite.toString(), "backup", dir.resolve("b2.db").toString()).err();
        assertEquals(sqliteLine.substring(sqliteLine.indexOf("):")), r.err().substring(r.err().indexOf("):")));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().contains(".modq-backup-")).count(),
                    "no temporary file left");
        }
        assertFalse(Files.exists(Path.of(file + "-wal")), "nothing beside it");
        ok("--db", file.toString(), "check");
        String head = ok("--db", pg, "log", "--head").out().strip();
        assertEquals(head, ok("--db", file.toString(), "log", "--head").out().strip(), "the chain, hash for hash");
        assertEquals(ok("--db", pg, "export", "--format", "jsonl").out(),
                ok("--db", file.toString(), "export", "--format", "jsonl").out());
        assertEquals(counts, ok("--db", file.toString(), "stats", "--format", "json").out());
        assertEquals(ok("--db", pg, "moderator", "list").out(), ok("--db", file.toString(), "moderator", "list").out());
    }

    @Test
    void aDecisionCommittedWhileTheBackupReadsIsNotInIt() throws Exception {
        long entriesBefore = Long.parseLong(ok("--db", pg, "log", "--head").out().strip().split(":")[0]);
        long pending;
        try (var c = database.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT min(id) FROM comments WHERE status = 'pending'")) {
            rs.next();
            pending = rs.getLong(1);
        }
        Path file = dir.resolve("snapshot.db");
        BackupResult r;
        try (Store store = Stores.open(pg, OpenOptions.existing())) {
            // at the first row of the first table another moderator approves a pending comment and commits: later tables are read
            // after that commit, and must not show it
            Store meanwhile = interceptingReads(store, () -> ok("--db", pg, "approve", String.valueOf(pending)));
            r = DatabaseBackup.backup(meanwhile, file);
        }
        assertTrue(r.check().ok(), r.check().toString());
        assertEquals(entriesBefore, r.auditEntries());
        assertEquals(entriesBefore + 1, Long.parseLong(ok("--db", pg, "log", "--head").out().strip().split(":")[0]));
        assertEquals("pending", TestDb.stringValue(file, "SELECT status FROM comments WHERE id = " + pending));
        ok("--db", file.toString(), "check");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.db"), "mine");
        CliRun r = CliRun.run("--db", pg, "backup", file.toString());
        assertEquals(ExitCode.FAILURE, r.code(), r.toString());
        assertEquals("modq: " + file + " already exists: backup never overwrites a file; choose a new name", r.err().strip());
        assertEquals("mine", Files.readString(file));
    }

    /** {@code store}, but {@code meanwhile} runs at the first row its copy read hands on. */
    private static Store interceptingReads(Store store, Runnable meanwhile) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readRows")) {
                        RowCopy.RowSink sink = (RowCopy.RowSink) args[0];
                        boolean[] done = {false};
                        return store.readRows(new RowCopy.RowSink() {
                            @Override
                            public void table(RowCopy.Table table) {
                                sink.table(table);
                            }

                            @Override
                            public void row(Object[] values) {
                                if (!done[0]) {
                                    done[0] = true;
                                    meanwhile.run();
                                }
                                sink.row(values);
                            }
                        });
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertTrue(r.code() == 0, String.join(" ", args) + "\n" + r);
        return r;
    }
}
