package dev.modq.io;

import java.time.Instant;

/** A post (WordPress item, Disqus thread, Blogger post) as read from an export, keyed by its source id. */
public record ImportedPost(String sourceSystem, String sourceId, String title, String url, String author,
                           Instant publishedAt) {

    public ImportedPost {
        title = title == null ? "" : title;
    }
}
