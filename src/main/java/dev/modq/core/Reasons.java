package dev.modq.core;

import java.util.Locale;

/**
 * A decision's reason is a label (spam, abuse, off-topic...), compared without regard to case everywhere:
 * so it is stored in lower case whatever way it came in (CLI, text UI, import). {@code reject --reason SPAM}
 * once exported as "trash" while {@code reason:spam} matched it.
 */
public final class Reasons {

    private Reasons() {
    }

    /** Lower case (otherwise as given); null for no reason (null, empty or blank). */
    public static String normalise(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return reason.toLowerCase(Locale.ROOT);
    }

    /** Whether a stored reason (perhaps written by another program, in any case) is this label. */
    public static boolean is(String stored, String label) {
        return stored != null && label.equals(normalise(stored.strip()));
    }
}
