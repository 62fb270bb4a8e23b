package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.service.SpamScorer;
import dev.modq.service.PurgeService;
import dev.modq.service.RosterService;
import dev.modq.service.KeyService;
import dev.modq.store.AccessStore;
import dev.modq.store.OpenMode;
import dev.modq.store.StorePool;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.Stores;

import java.time.Clock;
import java.time.Duration;

/** An open database and the moderator acting on it, for the length of one command. */
public final class AppContext implements AutoCloseable {

    private final Store store;
    private final ModerationService service;
    private final String osUser;
    private final Runnable release;

    private AppContext(Store store, ModerationService service, String osUser, Runnable release) {
        this.store = store;
        this.service = service;
        this.osUser = osUser;
        this.release = release;
    }

    public static AppContext open(GlobalOptions global, OpenMode mode) {
        if (global.remote != null) {
            return openRemote(global.remote, global.as(), mode);
        }
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
            return new AppContext(store, new ModerationService(store, actor, osUser, Clock.systemUTC()), osUser,
                    store::close);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Over SSH: a connection leased from the server's pool, acting as the key's moderator. */
    private static AppContext openRemote(Remote remote, String as, OpenMode mode) {
        if (mode != OpenMode.EXISTING) {
            throw new UsageException("creating a database is not possible over SSH");
        }
        StorePool.Lease lease = remote.pool().lease(LEASE_WAIT);
        try {
            Store store = lease.store();
            Moderator actor = Actors.resolve(store, remote.moderator(), as);
            return new AppContext(store, new ModerationService(store, actor, remote.actor(), Clock.systemUTC()),
                    remote.actor(), lease::close);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** How long an SSH command waits for one of the server's database connections. */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(10);

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

    /** SSH keys of moderators, changed as the acting admin. */
    public KeyService keys() {
        return new KeyService(store, access(), actor(), osUser, Clock.systemUTC());
    }

    /** Moderators' SSH keys and the connection log of {@code modq serve}. */
    public AccessStore access() {
        return store.access();
    }

    /** Rule and word-list changes as the acting admin, audited with the real operating-system user. */
    public dev.modq.service.RuleService rules() {
        return new dev.modq.service.RuleService(store, actor(), osUser, Clock.systemUTC());
    }

    /** The automatic moderator, run by the acting moderator. */
    public dev.modq.service.AutoModerator auto(dev.modq.service.SpamScores scores) {
        return new dev.modq.service.AutoModerator(store, actor(), osUser, Clock.systemUTC(), scores);
    }

    @Override
    public void close() {
        release.run();
    }
}
