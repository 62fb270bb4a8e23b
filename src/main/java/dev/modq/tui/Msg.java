package dev.modq.tui;

import dev.modq.core.BatchResult;
import dev.modq.core.Decision;
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

    record WindowLoaded(List<QueueRow> rows, boolean atStart, boolean atEnd, Long preferId, int fallbackIndex)
            implements Msg {
    }

    record CountsLoaded(Map<Status, Long> counts, Long filteredCount) implements Msg {
    }

    record DetailLoaded(Detail detail) implements Msg {
    }

    /** A detail that could not be loaded (the comment is gone). */
    record DetailMissing(long id) implements Msg {
    }

    record Decided(Decision decision, String reason, BatchResult result, Long preferId, Instant now) implements Msg {
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
