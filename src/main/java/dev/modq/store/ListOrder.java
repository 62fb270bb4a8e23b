package dev.modq.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a listing is ordered; every order ends with the id so output is stable. */
public enum ListOrder {
    CREATED("created", "c.created_at, c.id"),
    CREATED_DESC("-created", "c.created_at DESC, c.id DESC"),
    ID("id", "c.id"),
    ID_DESC("-id", "c.id DESC"),
    /** Lowest spam score first; unscored comments (-1) come first of all. */
    SCORE("score", "c.score, c.id"),
    /** Most likely spam first; unscored comments (-1) come last. */
    SCORE_DESC("-score", "c.score DESC, c.id DESC");

    private final String label;
    private final String orderBy;

    ListOrder(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    public String label() {
        return label;
    }

    /** The ORDER BY clause over {@code comments c}. */
    public String orderBy() {
        return orderBy;
    }

    public static ListOrder parse(String text) {
        for (ListOrder o : values()) {
            if (o.label.equalsIgnoreCase(text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + text + "': use one of " + allLabels());
    }

    public static String allLabels() {
        return Arrays.stream(values()).map(ListOrder::label).collect(Collectors.joining(", "));
    }
}
