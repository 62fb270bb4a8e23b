package dev.modq.service;

import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Role;
import dev.modq.core.Target;
import dev.modq.store.Store;
import dev.modq.testing.TestDatabase;
import dev.modq.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 2: a session opened before its moderator was removed or demoted (a text UI left open) resolves
 * its Moderator once; every decision and undo must re-read the roster inside its own write transaction.
 */
@ParameterizedClass
@MethodSource("dev.modq.testing.TestStores#backends")
class RosterCheckedInsideDecisionsTest {

    @Parameter
    TestStores.Backend backend;

    @TempDir
    Path dir;
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    TestDatabase db;
    Store store;
    /** Another connection: the admin's own modq process. */
    Store adminStore;

    @BeforeEach
    void setUp() {
        db = backend.fresh(dir, "q.db");
        store = db.create();
        db.seed(10);
        // the admin's process stamps its audit entries with its store's clock
        adminStore = db.open(dev.modq.store.OpenOptions.existing().withBusyTimeoutMs(5_000)
                .withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    }

    @AfterEach
    void tearDown() {
        store.close();
        adminStore.close();
    }

    private RosterService admin(Clock clock) {
        Moderator me = Actors.resolve(adminStore, Actors.osUser(), null);
        return new RosterService(adminStore, me, Actors.osUser(), clock);
    }

    private ModerationService openSession(String name, Clock clock) {
        return new ModerationService(store, Actors.resolve(store, name, null), "alice-os", clock);
    }

    private long auditRows() {
        return db.longValue("SELECT count(*) FROM audit_log WHERE comment_id IS NOT NULL");
    }

    @Test
    void aModeratorRemovedWhileTheirSessionIsOpenCannotDecideOrUndo() {
        Instant t0 = T0;
        ModerationService alice = openSession("alice", Clock.fixed(t0.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        var batch = alice.decide(Decision.APPROVE, List.of(Target.any(1)), DecideOptions.DEFAULT);
        admin(Clock.fixed(t0, ZoneOffset.UTC)).remove("alice");
        long before = auditRows();

        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> alice.decide(Decision.APPROVE, List.of(Target.any(2)), DecideOptions.DEFAULT));
        assertEquals("alice is no longer a moderator of " + db + ": removed by " + Actors.osUser()
                + " 2m ago; nothing was applied", refused.getMessage());
        assertThrows(AccessDeniedException.class, () -> alice.undo(batch.batchId(), DecideOptions.DEFAULT));
        assertThrows(AccessDeniedException.class, () -> alice.undoLast(DecideOptions.DEFAULT));
        assertEquals("pending", db.stringValue("SELECT status FROM comments WHERE id = 2"));
        assertEquals("approved", db.stringValue("SELECT status FROM comments WHERE id = 1"));
        assertEquals(before, auditRows());
    }

    @Test
    void aModeratorDemotedToViewerWhileTheirSessionIsOpenCannotFlag() {
        ModerationService bob = openSession("bob", Clock.systemUTC());
        admin(Clock.systemUTC()).setRole("bob", Role.VIEWER);
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> bob.decide(Decision.FLAG, List.of(Target.any(3)), DecideOptions.DEFAULT));
        assertTrue(refused.getMessage().startsWith("bob is now a viewer of " + db + " and may only browse (changed by "),
                refused.getMessage());
        assertEquals("pending", db.stringValue("SELECT status FROM comments WHERE id = 3"));
    }

    @Test
    void aDemotedAdminCannotUndoSomeoneElsesBatchAnyMore() {
        admin(Clock.systemUTC()).add("carol", Role.ADMIN);
        ModerationService carol = openSession("carol", Clock.systemUTC());
        var bobs = openSession("bob", Clock.systemUTC()).decide(Decision.REJECT, List.of(Target.any(4)), DecideOptions.DEFAULT);
        admin(Clock.systemUTC()).setRole("carol", Role.MODERATOR);
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> carol.undo(bobs.batchId(), DecideOptions.DEFAULT));
        assertTrue(refused.getMessage().contains("only its author or an admin may undo it"), refused.getMessage());
    }

    @Test
    void aReEnabledModeratorDecidesAgainInTheSameSession() {
        ModerationService alice = openSession("alice", Clock.systemUTC());
        admin(Clock.systemUTC()).remove("alice");
        assertThrows(AccessDeniedException.class,
                () -> alice.decide(Decision.APPROVE, List.of(Target.any(5)), DecideOptions.DEFAULT));
        admin(Clock.systemUTC()).add("alice", Role.MODERATOR);
        assertEquals(1, alice.decide(Decision.APPROVE, List.of(Target.any(5)), DecideOptions.DEFAULT).applied());
        assertEquals("alice-os", db.stringValue("SELECT actor FROM audit_log WHERE comment_id = 5"));
    }
}
