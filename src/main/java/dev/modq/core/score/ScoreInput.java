package dev.modq.core.score;

import dev.modq.core.AuthorHistory;

/**
 * What the scorer looks at for one comment: its raw text (untrusted, any size), the author as given, the
 * author's other comments, and how many other comments carry the same text ({@link Fingerprint}).
 */
public record ScoreInput(String body, String authorName, String authorUrl, boolean linkback,
                         AuthorHistory history, long repeats) {

    public ScoreInput {
        body = body == null ? "" : body;
        authorName = authorName == null ? "" : authorName;
        history = history == null ? new AuthorHistory(0, 0, 0, 0) : history;
    }
}
