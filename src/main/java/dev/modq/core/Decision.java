package dev.modq.core;

import java.util.Locale;

/** A moderator's verdict on a comment and the state it leads to. */
public enum Decision {
    APPROVE(Status.APPROVED), REJECT(Status.REJECTED), FLAG(Status.FLAGGED);

    private final Status target;

    Decision(Status target) {
        this.target = target;
    }

    public Status target() {
        return target;
    }

    /** The verb as stored in the audit log ("approve", "reject", "flag"). */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Approved", "Rejected", "Flagged": for messages. */
    public String pastTense() {
        String label = target.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
