package dev.modq.tui;

import dev.modq.core.BatchSummary;
import dev.modq.core.Decision;

/** What, if anything, is drawn over the queue and takes the next keys. */
public sealed interface Overlay {

    Overlay NONE = new None();

    record None() implements Overlay {
    }

    /** The key table; {@code scroll} is the first line shown. */
    record Help(int scroll) implements Overlay {
    }

    /** Waiting for one key naming the reason of a reject. */
    record ReasonPicker() implements Overlay {
    }

    /** The filter being typed; {@code text} is the query so far. */
    record FilterPrompt(String text) implements Overlay {
    }

    /** The id typed after {@code #}. */
    record JumpPrompt(String digits) implements Overlay {
    }

    /** The search being typed after {@code s}: a query in the filter language. */
    record SearchPrompt(String text) implements Overlay {
    }

    /** Quitting with tagged comments (the tags would be lost): {@code y} quits. */
    record ConfirmQuit(int tagged) implements Overlay {
    }

    /** A bulk decision waiting for {@code y}: any other key cancels, so one slip of a finger does nothing. */
    record Confirm(Decision decision, String reason, int count) implements Overlay {
    }

    /** An undo of a batch this session did not make: only {@code y} undoes it, anything else keeps it. */
    record ConfirmUndo(BatchSummary batch) implements Overlay {
    }

    /** Quit while decisions still wait for the database: {@code q} again quits without them. */
    record QuitWithWrites(int waiting) implements Overlay {
    }
}
