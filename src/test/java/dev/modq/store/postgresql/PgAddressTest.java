package dev.modq.store.postgresql;

import dev.modq.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgAddressTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void libpqAndJdbcFormsGiveTheSameConnection() {
        PgAddress a = PgAddress.parse("postgresql://modq@db.internal/comments", NO_ENV::get);
        PgAddress b = PgAddress.parse("jdbc:postgresql://db.internal:5432/comments?user=modq", NO_ENV::get);
        PgAddress c = PgAddress.parse("postgres://modq@db.internal:5432/comments", NO_ENV::get);
        for (PgAddress x : new PgAddress[]{a, b, c}) {
            assertEquals("jdbc:postgresql://db.internal:5432/comments", x.jdbcUrl());
            assertEquals("modq", x.user());
            assertEquals("postgresql://modq@db.internal/comments", x.shown());
        }
    }

    @Test
    void isPostgresTellsAddressesFromFiles() {
        assertTrue(PgAddress.isPostgres("postgresql://h/db"));
        assertTrue(PgAddress.isPostgres("JDBC:postgresql://h/db"));
        assertFalse(PgAddress.isPostgres("/srv/comments.db"));
        assertFalse(PgAddress.isPostgres("postgresql.db"));
    }

    @Test
    void thePasswordComesFromPgpasswordAndIsNeverShown() {
        PgAddress a = PgAddress.parse("postgresql://modq@db:6543/comments", NO_ENV::get);
        assertNull(a.properties(NO_ENV::get).getProperty("password"), "none: the driver then reads ~/.pgpass");
        assertEquals("s3cret", a.properties(Map.of("PGPASSWORD", "s3cret")::get).getProperty("password"));
        PgAddress inline = PgAddress.parse("postgresql://modq:hunter2@db:6543/comments", NO_ENV::get);
        assertEquals("hunter2", inline.properties(NO_ENV::get).getProperty("password"));
        assertFalse(inline.shown().contains("hunter2"));
        assertFalse(inline.toString().contains("hunter2"));
        assertFalse(inline.jdbcUrl().contains("hunter2"));
        assertEquals("postgresql://modq:***@db/x", PgAddress.redact("postgresql://modq:hunter2@db/x"));
        assertEquals("jdbc:postgresql://db/x?password=***", PgAddress.redact("jdbc:postgresql://db/x?password=hunter2"));
    }

    @Test
    void missingPartsComeFromTheLibpqEnvironment() {
        PgAddress a = PgAddress.parse("postgresql:///", Map.of("PGHOST", "pg1", "PGDATABASE", "news", "PGUSER", "ed")::get);
        assertEquals("jdbc:postgresql://pg1:5432/news", a.jdbcUrl());
        assertEquals("ed", a.user());
    }

    @Test
    void badAddressesAreOneClearLine() {
        StoreException port = assertThrows(StoreException.class,
                () -> PgAddress.parse("postgresql://h:http/db", NO_ENV::get));
        assertTrue(port.getMessage().contains("the port must be a number"), port.getMessage());
        StoreException noDb = assertThrows(StoreException.class, () -> PgAddress.parse("postgresql://h", NO_ENV::get));
        assertTrue(noDb.getMessage().contains("names no database"), noDb.getMessage());
        StoreException socket = assertThrows(StoreException.class,
                () -> PgAddress.parse("postgresql://%2Frun%2Fpostgresql/db", NO_ENV::get));
        assertTrue(socket.getMessage().contains("Unix-socket"), socket.getMessage());
    }
}
