package dev.modq.core.score;

import java.nio.charset.StandardCharsets;

/**
 * A cheap fingerprint of a comment's text, to count the same text posted again: letters and digits only,
 * lower-cased, from the first 2,000 characters. Short texts ("Thanks!") get none (0): repeating them means nothing.
 */
public final class Fingerprint {

    public static final long NONE = 0;
    private static final int SCAN = 2_000;
    private static final int MIN_CHARS = 20;

    private Fingerprint() {
    }

    public static long of(String body) {
        if (body == null) {
            return NONE;
        }
        StringBuilder norm = new StringBuilder();
        int end = Math.min(body.length(), SCAN);
        for (int i = 0; i < end; ) {
            int cp = body.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                norm.appendCodePoint(Character.toLowerCase(cp));
            }
            i += Character.charCount(cp);
        }
        if (norm.length() < MIN_CHARS) {
            return NONE;
        }
        long h = FeatureHash.fnv1a(norm.toString().getBytes(StandardCharsets.UTF_8));
        return h == NONE ? 1 : h;
    }
}
