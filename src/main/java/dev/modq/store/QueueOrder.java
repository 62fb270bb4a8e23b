package dev.modq.store;

/** The two orders of the queue: oldest first (first come, first moderated), or most likely spam first. */
public enum QueueOrder {
    AGE("by age"), SCORE("by score");

    private final String label;

    QueueOrder(String label) {
        this.label = label;
    }

    /** As the queue's header shows it. */
    public String label() {
        return label;
    }

    public QueueOrder next() {
        return this == AGE ? SCORE : AGE;
    }
}
