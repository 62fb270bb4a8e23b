package dev.modq.io;

import java.time.Instant;

/**
 * A post (WordPress item, Disqus thread, Blogger post) as read from an export, keyed by its source id.
 * A null field means the export did not say: an existing post keeps what it has.
 */
public record ImportedPost(String sourceSystem, String sourceId, String title, String url, String author,
                           Instant publishedAt, boolean standalone) {

    /**
     * A post read as a record of its own (an XML item, thread or entry); JSON lines and CSV posts are part of a
     * comment's row ({@code standalone} false) and are only created when that comment can be imported.
     */
    public ImportedPost(String sourceSystem, String sourceId, String title, String url, String author,
                        Instant publishedAt) {
        this(sourceSystem, sourceId, title, url, author, publishedAt, true);
    }
}
