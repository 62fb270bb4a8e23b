package dev.modq.service;

import dev.modq.core.Reasons;

/**
 * How a decision call behaves. {@code force} overrides version conflicts; {@code atomic} applies nothing
 * when any comment fails; {@code dryRun} computes every outcome and writes nothing. The reason is stored
 * in lower case ({@link Reasons}).
 */
public record DecideOptions(String reason, String note, boolean force, boolean atomic, boolean dryRun) {

    public DecideOptions {
        reason = Reasons.normalise(reason);
    }

    public static final DecideOptions DEFAULT = new DecideOptions(null, null, false, false, false);

    public static DecideOptions withReason(String reason) {
        return new DecideOptions(reason, null, false, false, false);
    }
}
