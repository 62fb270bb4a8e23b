package dev.modq.tui;

import dev.modq.core.Decision;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.store.Keyset;

import java.util.List;

/** Work the reducer asks for, as data; the loop runs it (see {@link EffectRunner}) and feeds back a {@link Msg}. */
public sealed interface Effect {

    /** Where a window of rows is loaded from. */
    sealed interface Anchor {
    }

    record First() implements Anchor {
    }

    record Last() implements Anchor {
    }

    /** Around a queue position: the row there (if it still matches) and the rows on both sides. */
    record At(Keyset key) implements Anchor {
    }

    /** Around a comment known only by id (after an undo): the store is asked where it sits. */
    record AtId(long id) implements Anchor {
    }

    /**
     * Loads up to {@code before} rows before the anchor and {@code after} rows from it on. The cursor then goes
     * to {@code preferId} if it is in the window, else to the first row at or after the anchor.
     */
    record LoadWindow(Query query, Anchor anchor, int before, int after, Long preferId) implements Effect {
    }

    /** Counts per status (cheap) and, when {@code filtered} is not null, the count of that query. */
    record LoadCounts(Query filtered) implements Effect {
        /** The filtered count stops here and shows as "10,000+". */
        public static final long FILTERED_CAP = 10_000;

    }

    record LoadDetail(long id) implements Effect {
    }

    /** A decision on {@code targets}; {@code preferId} is where the cursor should land afterwards. */
    record Decide(Decision decision, List<Target> targets, String reason, Long preferId) implements Effect {
    }

    record Undo() implements Effect {
    }

    record TagAll(Query query, int cap) implements Effect {
    }

    /**
     * Puts the cursor on comment {@code id} if the view's {@code query} matches it (a window around it is loaded,
     * as {@link LoadWindow}); answers {@link Msg.JumpMissing} if it does not or does not exist.
     */
    record Jump(Query query, long id, int before, int after) implements Effect {
    }

    /**
     * The nearest row matching {@code query} after (or, not {@code forward}, before) {@code from}, wrapping
     * around the view's ends; {@code from} null starts at the first row.
     */
    record Search(Query query, Keyset from, boolean forward) implements Effect {
    }

    /** Repaint every cell (Ctrl-L). */
    record Redraw() implements Effect {
    }

    /** Give the terminal back and stop, as Ctrl-Z does in a shell; on {@code fg} take it again and repaint. */
    record Suspend() implements Effect {
    }
}
