package dev.modq.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point of the audit chain kept outside the database (a backup, a ticket, a mail): how many entries the log had
 * and the hash of the last one, written {@code COUNT:HASH}. A log truncated or rewritten at or before that point
 * no longer has that entry with that hash, even if every later hash was recomputed.
 */
public record ChainPin(long count, String hash) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    public static ChainPin parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected COUNT:HASH as printed by `modq log --head`"
                    + " (e.g. 1234:9f2c...; the full 64-digit hash), not '" + text + "'");
        }
        return new ChainPin(Long.parseLong(m.group(1)), m.group(2).toLowerCase(Locale.ROOT));
    }

    /**
     * What is wrong with a log, intact in itself, whose entry {@code count} has {@code hashThere} (empty when the
     * log has fewer entries) and that now holds {@code entries} entries; empty when the pin holds.
     */
    public Optional<String> mismatch(long entries, Optional<String> hashThere) {
        if (count == 0) {
            return Optional.empty();
        }
        if (entries < count) {
            return Optional.of("audit log truncated: it has " + entries + " entries, the pin " + this
                    + " says there were at least " + count);
        }
        if (hashThere.isEmpty() || !hashThere.get().equals(hash)) {
            return Optional.of("audit log rewritten: entry " + count + " has hash "
                    + hashThere.map(h -> h.substring(0, 12) + "...").orElse("(none)")
                    + ", the pin says " + hash.substring(0, 12) + "... (entries up to " + count
                    + " were changed and their hashes recomputed)");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return count + ":" + hash;
    }
}
