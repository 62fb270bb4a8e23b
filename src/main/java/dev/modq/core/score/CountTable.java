package dev.modq.core.score;

/**
 * Every bucket's counts in memory (two int arrays of {@link FeatureHash#BUCKETS}: 32 MB), for learning or
 * scoring a million comments without a database round trip per feature.
 */
public final class CountTable implements TokenCounts {

    private final int[] ham = new int[FeatureHash.BUCKETS];
    private final int[] spam = new int[FeatureHash.BUCKETS];
    private long hamLearned;
    private long spamLearned;

    @Override
    public int ham(int bucket) {
        return ham[bucket];
    }

    @Override
    public int spam(int bucket) {
        return spam[bucket];
    }

    public long hamLearned() {
        return hamLearned;
    }

    public long spamLearned() {
        return spamLearned;
    }

    /** Learns ({@code delta} 1) or unlearns ({@code delta} -1) one comment; counts never go below zero. */
    public void learn(Iterable<Feature> features, boolean isSpam, int delta) {
        int[] counts = isSpam ? spam : ham;
        for (Feature f : features) {
            int b = f.bucket();
            counts[b] = Math.max(0, counts[b] + delta);
        }
        if (isSpam) {
            spamLearned = Math.max(0, spamLearned + delta);
        } else {
            hamLearned = Math.max(0, hamLearned + delta);
        }
    }

    /** Sets one bucket, as read back from storage. */
    public void put(int bucket, int hamCount, int spamCount) {
        ham[bucket] = hamCount;
        spam[bucket] = spamCount;
    }

    public void setLearned(long hamTotal, long spamTotal) {
        hamLearned = hamTotal;
        spamLearned = spamTotal;
    }

    /** Calls {@code each} for every bucket with a non-zero count, in bucket order. */
    public void forEachNonZero(BucketConsumer each) {
        for (int b = 0; b < ham.length; b++) {
            if (ham[b] != 0 || spam[b] != 0) {
                each.accept(b, ham[b], spam[b]);
            }
        }
    }

    @FunctionalInterface
    public interface BucketConsumer {
        void accept(int bucket, int ham, int spam);
    }
}
