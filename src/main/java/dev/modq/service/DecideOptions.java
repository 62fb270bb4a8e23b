package dev.modq.service;

/**
 * How a decision call behaves. {@code force} overrides version conflicts; {@code atomic} applies nothing
 * when any comment fails; {@code dryRun} computes every outcome and writes nothing.
 */
public record DecideOptions(String reason, String note, boolean force, boolean atomic, boolean dryRun) {

    public static final DecideOptions DEFAULT = new DecideOptions(null, null, false, false, false);

    public static DecideOptions withReason(String reason) {
        return new DecideOptions(reason, null, false, false, false);
    }
}
