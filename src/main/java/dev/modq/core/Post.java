package dev.modq.core;

import java.time.Instant;

/** A blog post that comments hang under. */
public record Post(long id, String title, String url, String author, Instant publishedAt,
                   String sourceSystem, String sourceId) {
}
