package dev.modq.core.score;

import java.nio.charset.StandardCharsets;

/**
 * Features are counted in a fixed number of hashed buckets, so the model's size is bounded whatever the
 * vocabulary (2^22 buckets: 32 MB as two int arrays; collisions are rare at the sizes comment sites see).
 */
public final class FeatureHash {

    public static final int BITS = 22;
    public static final int BUCKETS = 1 << BITS;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private FeatureHash() {
    }

    public static int bucket(String key) {
        long h = fnv1a(key.getBytes(StandardCharsets.UTF_8));
        h ^= h >>> 29;  // fold the high bits in: FNV's low bits alone mix poorly
        return (int) (h & (BUCKETS - 1));
    }

    static long fnv1a(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
