package dev.modq.cli;

import dev.modq.core.Moderator;
import dev.modq.service.Actors;
import dev.modq.service.ModerationService;
import dev.modq.service.SpamScorer;
import dev.modq.service.PurgeService;
import dev.modq.service.RosterService;
import dev.modq.store.OpenMode;
import dev.modq.store.sqlite.SqliteStore;

import java.nio.file.Path;
import java.time.Clock;

/** An open database and the moderator acting on it, for the length of one command. */
public final class AppContext implements AutoCloseable {

    private final SqliteStore store;
    private final ModerationService service;
    private final String osUser;

    private AppContext(SqliteStore store, ModerationService service, String osUser) {
        this.store = store;
        this.service = service;
        this.osUser = osUser;
    }

    public static AppContext open(GlobalOptions global, OpenMode mode) {
        Path db = mode == OpenMode.EXISTING ? DatabasePath.resolveExisting(global.db, System.getenv())
                : DatabasePath.resolve(global.db, System.getenv());
        return open(db, global.as(), mode);
    }

    public static AppContext open(Path db, String as, OpenMode mode) {
        SqliteStore store = SqliteStore.open(db, mode);
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

    public SqliteStore store() {
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
        store.close();
    }
}
