package dev.modq.tui;

import dev.modq.core.Decision;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes sent off the key loop and not answered yet. {@code inFlight}: comment id to the decision on its way
 * (the row shows it); {@code queued}: decisions and undos not answered; {@code waitedMs}: how long the oldest has
 * waited for the database, 0 when it is not waiting; {@code heldByOther}: it met another writer's lock;
 * {@code undoable}: batches of this session that {@code u} walks
 * back (those still on their way included); {@code failureShown}: an answer since the last key was a failure, so a
 * later success must not wipe it off the message line.
 */
public record WriteState(Map<Long, Decision> inFlight, int queued, long waitedMs, boolean heldByOther, int undoable,
                         boolean failureShown) {

    public static final WriteState NONE = new WriteState(Map.of(), 0, 0, false, 0, false);

    public WriteState {
        inFlight = Collections.unmodifiableMap(new LinkedHashMap<>(inFlight));
    }

    WriteState decisionSent(Collection<Long> ids, Decision d) {
        Map<Long, Decision> m = new LinkedHashMap<>(inFlight);
        ids.forEach(id -> m.put(id, d));
        return new WriteState(m, queued + 1, waitedMs, heldByOther, undoable + 1, failureShown);
    }

    WriteState undoSent(boolean own) {
        return new WriteState(inFlight, queued + 1, waitedMs, heldByOther, own ? Math.max(0, undoable - 1) : undoable,
                failureShown);
    }

    /** A write was answered; {@code noBatch} when a decision wrote nothing (so there is nothing to undo). */
    WriteState answered(Collection<Long> ids, boolean noBatch) {
        Map<Long, Decision> m = new LinkedHashMap<>(inFlight);
        ids.forEach(m::remove);
        int left = Math.max(0, queued - 1);
        return new WriteState(m, left, left == 0 ? 0 : waitedMs, left != 0 && heldByOther,
                noBatch ? Math.max(0, undoable - 1) : undoable,
                failureShown);
    }

    WriteState failureShown(boolean shown) {
        return shown == failureShown ? this : new WriteState(inFlight, queued, waitedMs, heldByOther, undoable, shown);
    }

    WriteState waited(long ms, boolean held) {
        return new WriteState(inFlight, queued, queued == 0 ? 0 : ms, queued != 0 && held, undoable, failureShown);
    }
}
