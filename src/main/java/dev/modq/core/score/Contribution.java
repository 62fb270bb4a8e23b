package dev.modq.core.score;

import java.util.Locale;

/** How much one feature moved a score, in log-odds (positive: towards spam). */
public record Contribution(Feature feature, double weight) {

    /** "+2.3 link to seo-links.invalid". */
    public String line() {
        return String.format(Locale.ROOT, "%+.1f %s", weight, feature.label());
    }
}
