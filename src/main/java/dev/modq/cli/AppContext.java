package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.service.SpamScorer;
import dev.modq.service.PurgeService;
import dev.modq.service.RosterService;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;

import java.time.Clock;

/** An open database and the moderator acting on it, for the length of one command. */
public final class AppContext implements AutoCloseable {

    private final Store store;
    private final ModerationService service;
    private final String osUser;

    private AppContext(Store store, ModerationService service, String osUser) {
        this.store = store;
        this.service = service;
        this.osUser = osUser;
    }

    public static AppContext open(GlobalOptions global, OpenMode mode) {
        String db = mode == OpenMode.EXISTING ? DatabasePath.resolveExisting(global.db, System.getenv())
                : DatabasePath.resolve(global.db, System.getenv());
        return open(db, global.as(), mode);
    }

    /** Opens the database at {@code db} (a file path or a server address) through the one factory. */
    public static AppContext open(String db, String as, OpenMode mode) {
        Store store = Stores.open(db, OpenOptions.of(mode));
        try {
            String osUser = Actors.osUser();
            if (mode == OpenMode.CREATE) {
                Actors.bootstrapFirstAdmin(store, osUser);
            }
            Moderator actor = Actors.resolve(store, osUser, as);
            return new AppContext(store, new ModerationService(store, actor, osUser, Clock.systemUTC()), osUser);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Store store() {
        return store;
    }

    public ModerationService service() {
        return service;
    }

    public Moderator actor() {
        return service.actor();
    }

    /** The spam score over this database. */
    public SpamScorer scorer() {
        return new SpamScorer(store);
    }

    /** Purges as the acting moderator (the service requires an admin). */
    public PurgeService purge() {
        return new PurgeService(store, actor().name(), osUser, Clock.systemUTC());
    }

    /** Roster changes as the acting admin, audited with the real operating-system user. */
    public RosterService roster() {
        return new RosterService(store, actor(), osUser, Clock.systemUTC());
    }

    @Override
    public void close() {
        store.close();
    }
}
