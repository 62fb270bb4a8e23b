package dev.modq.tui;

import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.QueueRow;
import dev.modq.core.Target;
import dev.modq.core.query.Query;
import dev.modq.store.Keyset;
import dev.modq.store.QueueOrder;

import java.util.List;

/**
 * Work the reducer asks for, as data; the loop runs it (see {@link EffectRunner}) and feeds back a {@link Msg}.
 * {@link Write}s go to the {@link WriteQueue}: they never run on the key loop, so a busy database cannot freeze it.
 */
public sealed interface Effect {

    /** A write: run in order, off the key loop, each answered with a {@link Msg.Written}. */
    sealed interface Write extends Effect {
    }

    /**
     * What a reload keeps of the rows on screen, so that it never changes what the next key acts on:
     * NONE (a jump the moderator asked for), SELECTED (the row under the cursor stays, as it was seen, even if it
     * left the view or changed: a decision on it then reports a conflict), SHOWN (every row on screen stays as
     * seen; only rows beyond it are new: for reloads made while keys are being applied, before any repaint).
     */
    enum Keep { NONE, SELECTED, SHOWN }

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
     * to {@code preferId} if it is in the window, else to the first row at or after the anchor. {@code keep} says
     * which rows on screen survive the reload as they were seen.
     */
    record LoadWindow(Query query, Anchor anchor, int before, int after, Long preferId, Keep keep) implements Effect {
        public LoadWindow(Query query, Anchor anchor, int before, int after, Long preferId) {
            this(query, anchor, before, after, preferId, Keep.NONE);
        }
    }

    /** Counts per status (cheap) and, when {@code filtered} is not null, the count of that query. */
    record LoadCounts(Query filtered) implements Effect {
        /** The filtered count stops here and shows as "10,000+". */
        public static final long FILTERED_CAP = 10_000;

    }

    record LoadDetail(long id) implements Effect {
    }

    /**
     * A decision on {@code targets}, each with the version the moderator saw; {@code bulk} when they were the
     * tagged comments.
     */
    record Decide(Decision decision, List<Target> targets, String reason, boolean bulk) implements Write {
        public Decide {
            targets = List.copyOf(targets);
        }
    }

    /** Undoes {@code batchId}, or (null) this session's latest batch not yet undone. */
    record Undo(String batchId) implements Write {
    }

    /** Decisions from now on are made as this moderator (the roster changed their role). */
    record ActAs(Moderator moderator) implements Write {
    }

    /** Finds the moderator's latest undoable batch made outside this session, to ask before undoing it. */
    record FindUndoable() implements Effect {
    }

    /** Reads the acting moderator's roster entry again (role changed, removed). */
    record LoadActor() implements Effect {
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

    /** Queue pages from now on come in this order (the reducer sends it before reloading). */
    record SetOrder(QueueOrder order) implements Effect {
    }

    /**
     * Stores fresh spam scores for a few pending comments (new ones, or all after the model changed enough), in a
     * short transaction on the write thread: never on the key loop, never answered.
     */
    record ScoreDue() implements Write {
    }

    /** Repaint every cell (Ctrl-L). */
    record Redraw() implements Effect {
    }

    /** Give the terminal back and stop, as Ctrl-Z does in a shell; on {@code fg} take it again and repaint. */
    record Suspend() implements Effect {
    }
}
