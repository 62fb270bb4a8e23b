package dev.modq.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a moderator may do: admins manage the roster and may act as others, viewers only browse. */
public enum Role {
    ADMIN, MODERATOR, VIEWER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canDecide() {
        return this != VIEWER;
    }

    public boolean canManageModerators() {
        return this == ADMIN;
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use one of "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label();
    }
}
