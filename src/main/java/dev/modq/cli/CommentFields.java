package dev.modq.cli;

import dev.modq.cli.output.Field;
import dev.modq.core.Comment;
import dev.modq.core.ListedComment;

import java.util.List;
import java.util.function.Function;

/** The fields of `modq list`: their names are the JSON and CSV contract (pinned by golden tests). */
final class CommentFields {

    static final List<Field<ListedComment>> ALL = List.of(
            f("id", 7, Comment::id),
            f("status", 8, c -> c.status().label()),
            f("created_at", 16, Comment::createdAt),
            f("post_id", 7, Comment::postId),
            new Field<>("post_title", 24, ListedComment::postTitle),
            f("parent_id", 9, Comment::parentId),
            f("author_name", 16, Comment::authorName),
            f("author_email", 24, Comment::authorEmail),
            f("author_url", 24, Comment::authorUrl),
            f("author_ip", 15, Comment::authorIp),
            f("kind", 9, c -> c.kind().label()),
            new Field<>("links", 5, ListedComment::links),
            f("reason", 10, Comment::reason),
            f("version", 7, Comment::version),
            f("body", 40, Comment::body));

    static final String TABLE_DEFAULT = "id,status,created_at,author_name,post_title,links,body";

    private CommentFields() {
    }

    private static Field<ListedComment> f(String name, int width, Function<Comment, Object> value) {
        return new Field<>(name, width, row -> value.apply(row.comment()));
    }
}
