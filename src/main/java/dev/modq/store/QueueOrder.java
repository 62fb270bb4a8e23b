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

    /** Queue order over positions: by age (created_at, id) ascending; by score (score, id) descending. */
    public int compare(Keyset a, Keyset b) {
        if (this == SCORE) {
            int c = Integer.compare(b.score(), a.score());
            return c != 0 ? c : Long.compare(b.id(), a.id());
        }
        int c = Long.compare(a.createdAtSeconds(), b.createdAtSeconds());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    /** The position just before {@code key} in this order: a page "after" it starts with the row at {@code key}. */
    public Keyset justBefore(Keyset key) {
        return key.withId(this == SCORE ? key.id() + 1 : key.id() - 1);
    }
}
