package dev.modq.demo;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/** TEMPORARY STUB until the demo branch lands. */
public final class DemoGenerator {
    private final long seed; private final int count; private final Instant now;
    public DemoGenerator(long seed, int comments, Instant now) { this.seed = seed; this.count = comments; this.now = now; }
    public List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) posts.add(new Post(i, "Post " + i, "https://news.example/" + i, "editor", now.minusSeconds(86400L * i), "demo", "p" + i));
        return posts;
    }
    public List<String> moderators() { return List.of("alice", "bob"); }
    public Iterator<Comment> comments() {
        Random r = new Random(seed);
        return new Iterator<>() {
            int i = 0;
            public boolean hasNext() { return i < count; }
            public Comment next() {
                if (!hasNext()) throw new NoSuchElementException();
                i++;
                return new Comment(i, 1 + r.nextInt(40), null, "author" + r.nextInt(100), "a" + r.nextInt(100) + "@example.com",
                        null, "10.0.0." + r.nextInt(255), "Mozilla/5.0", "Comment number " + i, CommentKind.COMMENT,
                        now.minusSeconds((long) (count - i) * 60), Status.PENDING, null, 0, "demo", "c" + i);
            }
        };
    }
}
