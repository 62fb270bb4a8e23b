package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteStore;

import java.nio.file.Path;
import java.time.Clock;

/** An open database and the moderator acting on it, for the length of one command. */
public final class AppContext implements AutoCloseable {

    private final SqliteStore store;
    private final ModerationService service;

    private AppContext(SqliteStore store, ModerationService service) {
        this.store = store;
        this.service = service;
    }

    public static AppContext open(GlobalOptions global, OpenMode mode) {
        return open(DatabasePath.resolve(global.db, System.getenv()), global.as(), mode);
    }

    public static AppContext open(Path db, String as, OpenMode mode) {
        SqliteStore store = SqliteStore.open(db, mode);
        try {
            if (mode == OpenMode.CREATE) {
                Actors.bootstrapFirstAdmin(store, Actors.osUser());
            }
            Moderator actor = Actors.resolve(store, Actors.osUser(), as);
            return new AppContext(store, new ModerationService(store, actor, Clock.systemUTC()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public SqliteStore store() {
        return store;
    }

    public ModerationService service() {
        return service;
    }

    public Moderator actor() {
        return service.actor();
    }

    @Override
    public void close() {
        store.close();
    }
}
