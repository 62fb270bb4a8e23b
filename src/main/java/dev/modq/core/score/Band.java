package dev.modq.core.score;

import java.util.Locale;

/**
 * The three bands of a spam score, and the fourth answer of a model that has not seen enough decisions yet.
 * Only the outer bands are ever acted on automatically; UNSURE and NOT_READY stay with people.
 */
public enum Band {
    LIKELY_HAM("ham"), UNSURE("unsure"), LIKELY_SPAM("spam"), NOT_READY("not ready");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    /** Short name for rows, JSON and messages: ham, unsure, spam, not ready. */
    public String label() {
        return label;
    }

    /** The JSON form: likely_ham, unsure, likely_spam, not_ready. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean actionable() {
        return this == LIKELY_HAM || this == LIKELY_SPAM;
    }
}
