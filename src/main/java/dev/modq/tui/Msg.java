package dev.modq.tui;

import dev.modq.core.BatchResult;
import dev.modq.core.BatchSummary;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.service.UndoResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything that can change the state: keys, sizes, ticks, and the results of effects. */
public sealed interface Msg {

    record KeyPressed(Key key) implements Msg {
    }

    record Resized(int width, int height) implements Msg {
    }

    /** Time passes (ages on screen); sent by the loop now and then. */
    record Tick(Instant now) implements Msg {
    }

    /** Another connection committed: reload what is on screen. */
    record DataChanged() implements Msg {
    }

    record WindowLoaded(List<QueueRow> rows, boolean atStart, boolean atEnd, Long preferId, int fallbackIndex,
                        Effect.Keep keep) implements Msg {
        public WindowLoaded(List<QueueRow> rows, boolean atStart, boolean atEnd, Long preferId, int fallbackIndex) {
            this(rows, atStart, atEnd, preferId, fallbackIndex, Effect.Keep.NONE);
        }
    }

    record CountsLoaded(Map<Status, Long> counts, Long filteredCount) implements Msg {
    }

    record DetailLoaded(Detail detail) implements Msg {
    }

    /** A detail that could not be loaded (the comment is gone). */
    record DetailMissing(long id) implements Msg {
    }

    record Decided(Decision decision, String reason, BatchResult result, boolean bulk, Instant now) implements Msg {
    }

    /** A write finished (or failed): {@code outcome} is its answer ({@link Decided}, {@link Undone}, {@link Failed}). */
    record Written(Effect.Write write, Msg outcome) implements Msg {
    }

    /**
     * The oldest write has waited {@code waitedMs} for the database; {@code heldByOther} once it met another writer's
     * lock (before that it may just be slow).
     */
    record WritesWaiting(long waitedMs, boolean heldByOther) implements Msg {
    }

    /** The acting moderator as the roster has them now; empty when removed. */
    record ActorLoaded(Optional<Moderator> moderator) implements Msg {
    }

    /** The latest batch an undo would reverse, made outside this session; empty when there is none. */
    record UndoableFound(Optional<BatchSummary> batch) implements Msg {
    }

    record Undone(Optional<UndoResult> result, Instant now) implements Msg {
    }

    /** Ids and versions of the rows matching the view; {@code capped} when there were more than the cap. */
    record TaggedAll(Map<Long, Long> tagged, boolean capped, int cap) implements Msg {
    }

    /** An effect failed (database locked, read-only, not allowed...): one line for the message line. */
    /** A jump target that is not in the view: {@code status} where it is, null when it does not exist. */
    record JumpMissing(long id, Status status) implements Msg {
    }

    /** A search's answer: the matching comment's id, or null; {@code wrapped} when it went round an end. */
    record SearchFound(Long id, boolean wrapped) implements Msg {
    }

    record Failed(String message) implements Msg {
    }
}
