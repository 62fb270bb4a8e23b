package dev.modq.core.score;

/** How often each feature bucket was seen in learned ham and spam. */
public interface TokenCounts {

    int ham(int bucket);

    int spam(int bucket);
}
