package dev.modq.store;

import dev.modq.core.Status;

/** The part of a comment that decisions read and write, as locked inside a write transaction. */
public record CommentState(long id, Status status, String reason, long version) {
}
