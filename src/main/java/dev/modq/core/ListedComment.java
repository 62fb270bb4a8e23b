package dev.modq.core;

/**
 * One comment as the command line lists it: the comment, its post's title, and its link count
 * (counted the way the query language's {@code links:} counts them).
 */
public record ListedComment(Comment comment, String postTitle, int links) {
}
