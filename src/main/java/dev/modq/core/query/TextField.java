package dev.modq.core.query;

/** The text columns a {@link Term.Contains} term searches (case-insensitive substring). */
public enum TextField {
    AUTHOR("author"), EMAIL("email"), URL("url"), TEXT("text"), POST_TITLE("post");

    private final String key;

    TextField(String key) {
        this.key = key;
    }

    /** The query key that selects this field. */
    public String key() {
        return key;
    }
}
