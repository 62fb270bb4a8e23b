package dev.modq.core.score;

/**
 * One piece of evidence about a comment. {@code key} is what the model counts (hashed into a bucket);
 * {@code label} is how an explanation names it ("'crypto'", "link to seo-links.invalid").
 */
public record Feature(String key, String label) {

    public int bucket() {
        return FeatureHash.bucket(key);
    }
}
