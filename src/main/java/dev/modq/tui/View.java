package dev.modq.tui;

import dev.modq.core.Status;

import java.util.Optional;

/** The queue's tabs, in the order Tab cycles them. */
public enum View {
    PENDING(Status.PENDING), FLAGGED(Status.FLAGGED), APPROVED(Status.APPROVED), REJECTED(Status.REJECTED), ALL(null);

    private final Status status;

    View(Status status) {
        this.status = status;
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    public String title() {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public View next() {
        return values()[(ordinal() + 1) % values().length];
    }

    public View previous() {
        return values()[(ordinal() + values().length - 1) % values().length];
    }

    public static View of(Status status) {
        for (View v : values()) {
            if (v.status == status) {
                return v;
            }
        }
        return ALL;
    }
}
