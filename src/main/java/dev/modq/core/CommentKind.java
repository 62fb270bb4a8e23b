package dev.modq.core;

import java.util.Locale;

/** What kind of comment a row is; pingbacks and trackbacks come from WordPress exports. */
public enum CommentKind {
    COMMENT, PINGBACK, TRACKBACK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentKind parse(String text) {
        if (text == null || text.isBlank()) {
            return COMMENT;
        }
        for (CommentKind k : values()) {
            if (k.label().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown comment kind '" + text + "': use comment, pingback or trackback");
    }
}
