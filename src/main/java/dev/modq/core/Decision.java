package dev.modq.core;

import java.util.Locale;

/** A moderator's verdict on a comment and the state it leads to. */
public enum Decision {
    APPROVE(Status.APPROVED), REJECT(Status.REJECTED), FLAG(Status.FLAGGED),
    /** Back into the queue, undecided (WP-CLI's "unapprove"). */
    PENDING(Status.PENDING);

    private final Status target;

    Decision(Status target) {
        this.target = target;
    }

    public Status target() {
        return target;
    }

    /** The verb as stored in the audit log ("approve", "reject", "flag", "pending"). */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Approved", "Rejected", "Flagged", "Pending": for messages. */
    public String pastTense() {
        String label = target.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
