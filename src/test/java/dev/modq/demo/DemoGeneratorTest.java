package dev.modq.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

class DemoGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123Z");

    private static List<Comment> take(DemoGenerator g, int n) {
        List<Comment> out = new ArrayList<>();
        for (Iterator<Comment> it = g.comments(); it.hasNext() && out.size() < n; ) {
            out.add(it.next());
        }
        return out;
    }

    private static List<Comment> all(DemoGenerator g) {
        return take(g, Integer.MAX_VALUE);
    }

    @Test
    void sameSeedGivesIdenticalData() {
        DemoGenerator a = new DemoGenerator(42, 100_000, NOW);
        DemoGenerator b = new DemoGenerator(42, 100_000, NOW);
        assertEquals(a.posts(), b.posts());
        assertEquals(take(a, 2_000), take(b, 2_000));
        assertEquals(a.moderators(), b.moderators());
        // A second iterator from the same generator starts afresh.
        assertEquals(take(a, 500), take(a, 500));
    }

    @Test
    void differentSeedGivesDifferentData() {
        List<Comment> a = take(new DemoGenerator(42, 2_000, NOW), 2_000);
        List<Comment> b = take(new DemoGenerator(43, 2_000, NOW), 2_000);
        assertNotEquals(a, b);
        assertNotEquals(new DemoGenerator(42, 400, NOW).posts(), new DemoGenerator(43, 400, NOW).posts());
    }

    @Test
    void postsLookLikeANewsBlog() {
        List<Post> posts = new DemoGenerator(42, 400, NOW).posts();
        assertTrue(posts.size() >= 30 && posts.size() <= 50, "about 40 posts");
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            assertEquals(i + 1, p.id());
            assertEquals("demo", p.sourceSystem());
            assertEquals("p" + p.id(), p.sourceId());
            assertTrue(p.url().startsWith("https://news.example.com/20"), p.url());
            assertTrue(p.url().matches("https://news\\.example\\.com/\\d{4}/\\d{2}/[a-z0-9-]+"), p.url());
            assertTrue(urls.add(p.url()), "unique url " + p.url());
            assertFalse(p.title().isBlank());
            assertFalse(p.author().isBlank());
            assertFalse(p.publishedAt().isAfter(NOW));
            assertFalse(p.publishedAt().isBefore(NOW.minusSeconds(61 * 86_400L)));
            if (i > 0) {
                assertFalse(p.publishedAt().isBefore(posts.get(i - 1).publishedAt()), "oldest first");
            }
        }
    }

    @Test
    void structuralInvariants() {
        DemoGenerator g = new DemoGenerator(7, 20_000, NOW);
        Map<Long, Instant> published = new HashMap<>();
        for (Post p : g.posts()) {
            published.put(p.id(), p.publishedAt());
        }
        Map<Long, Long> postOf = new HashMap<>();
        Map<Long, Integer> depth = new HashMap<>();
        long expectedId = 1;
        int maxDepth = 0;
        Instant windowStart = NOW.minusSeconds(15 * 86_400L);
        for (Iterator<Comment> it = g.comments(); it.hasNext(); ) {
            Comment c = it.next();
            assertEquals(expectedId++, c.id());
            assertEquals("c" + c.id(), c.sourceId());
            assertEquals("demo", c.sourceSystem());
            assertTrue(published.containsKey(c.postId()), "post exists");
            assertFalse(c.createdAt().isAfter(NOW), "created_at <= now");
            assertFalse(c.createdAt().isBefore(windowStart), "within ~14 days");
            assertFalse(c.createdAt().isBefore(published.get(c.postId())), "after the post was published");
            assertNotNull(c.body());
            assertNotNull(c.authorName());
            assertNotNull(c.authorIp());
            assertTrue(isDocumentationOrPrivate(c.authorIp()), c.authorIp());
            if (c.authorEmail() != null) {
                assertTrue(c.authorEmail().matches("[a-z0-9._]+@[a-z.]*example\\.[a-z.]+"), c.authorEmail());
            }
            if (c.parentId() != null) {
                assertTrue(c.parentId() < c.id(), "parent is earlier");
                assertEquals(c.postId(), postOf.get(c.parentId()), "parent on the same post");
                int d = depth.get(c.parentId()) + 1;
                depth.put(c.id(), d);
                maxDepth = Math.max(maxDepth, d);
            } else {
                depth.put(c.id(), 0);
            }
            postOf.put(c.id(), c.postId());
            if (c.status() == Status.REJECTED) {
                assertTrue("spam".equals(c.reason()) || "abuse".equals(c.reason()), c.reason());
            }
            if (c.status() == Status.PENDING || c.status() == Status.APPROVED) {
                assertNull(c.reason());
            }
        }
        assertEquals(20_001, expectedId);
        assertTrue(maxDepth >= 4, "replies several levels deep, got " + maxDepth);
    }

    private static boolean isDocumentationOrPrivate(String ip) {
        return ip.startsWith("10.") || ip.startsWith("192.0.2.") || ip.startsWith("198.51.100.")
                || ip.startsWith("203.0.113.") || ip.startsWith("2001:db8:");
    }

    @Test
    void defaultRunHasTheWholeContentMix() {
        List<Comment> comments = all(new DemoGenerator(42, 400, NOW));
        assertEquals(400, comments.size());
        assertTrue(comments.stream().anyMatch(c -> hasScript(c.body(), Character.UnicodeScript.HAN)), "CJK");
        assertTrue(comments.stream().anyMatch(c -> hasScript(c.body(), Character.UnicodeScript.ARABIC)), "Arabic");
        assertTrue(comments.stream().anyMatch(c -> hasScript(c.body(), Character.UnicodeScript.CYRILLIC)), "Cyrillic");
        assertTrue(comments.stream().anyMatch(c -> c.body().codePoints().anyMatch(cp -> cp >= 0x1F300)), "emoji");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u001b') >= 0), "ESC");
        assertTrue(comments.stream().anyMatch(c -> c.body().contains("\u001b[2J")), "clear screen");
        assertTrue(comments.stream().anyMatch(c -> c.body().contains("\u001b]0;")), "OSC title");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u009b') >= 0), "C1 CSI");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u202e') >= 0), "RLO");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u200b') >= 0), "ZWSP");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u0000') >= 0), "NUL");
        assertTrue(comments.stream().anyMatch(c -> c.body().indexOf('\u0007') >= 0), "BEL");
        assertTrue(comments.stream().anyMatch(c -> combiningMarks(c.body()) > 100), "combining flood");
        assertTrue(comments.stream().anyMatch(c -> c.body().length() > 10_000), "very long");
        assertTrue(comments.stream().anyMatch(c -> links(c.body()) >= 3), "spam with 3+ links");
        assertTrue(comments.stream().anyMatch(c -> c.body().contains("<a href=")), "HTML links");
        assertTrue(comments.stream().anyMatch(c -> c.body().contains("<blockquote>")), "HTML quote");
        assertTrue(comments.stream().anyMatch(c -> c.kind() == CommentKind.PINGBACK), "pingback");
        assertTrue(comments.stream().anyMatch(DemoGeneratorTest::isRant), "all-caps rant");

        long pending = comments.stream().filter(c -> c.status() == Status.PENDING).count();
        // the older two thirds are mostly moderated already: enough decisions (200) for the spam model to be ready
        assertTrue(pending >= 100 && pending <= 220, "the recent third pending, and a few older: " + pending);
        long teaching = comments.stream().filter(c -> c.status() == Status.APPROVED
                || c.status() == Status.REJECTED && "spam".equals(c.reason())).count();
        assertTrue(teaching >= 200, "approved or rejected as spam: " + teaching);
        for (Status s : Status.values()) {
            assertTrue(comments.stream().anyMatch(c -> c.status() == s), "some " + s);
        }
        assertTrue(comments.stream().filter(c -> c.status() == Status.REJECTED).anyMatch(c -> "spam".equals(c.reason())));

        // Authors with history, and first-time authors.
        Map<String, Integer> byEmail = new HashMap<>();
        for (Comment c : comments) {
            if (c.authorEmail() != null) {
                byEmail.merge(c.authorEmail(), 1, Integer::sum);
            }
        }
        assertTrue(byEmail.values().stream().anyMatch(n -> n >= 5), "long-standing authors");
        assertTrue(byEmail.values().stream().filter(n -> n == 1).count() >= 50, "first-time authors");
        // Bodies don't visibly repeat.
        long distinct = comments.stream().map(Comment::body).distinct().count();
        assertTrue(distinct >= 300, "varied bodies: " + distinct);
    }

    @Test
    void specialsAreOnTheFirstScreenOfThePendingQueue() {
        List<Comment> pending = new ArrayList<>(all(new DemoGenerator(42, 400, NOW)).stream()
                .filter(c -> c.status() == Status.PENDING).toList());
        pending.sort(java.util.Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
        List<Comment> first = pending.subList(0, 30);
        assertTrue(first.stream().anyMatch(c -> c.body().length() > 10_000), "long");
        assertTrue(first.stream().anyMatch(c -> c.body().indexOf('\u001b') >= 0), "ESC");
        assertTrue(first.stream().anyMatch(c -> c.body().indexOf('\u009b') >= 0), "C1");
        assertTrue(first.stream().anyMatch(c -> c.body().indexOf('\u202e') >= 0), "RLO");
        assertTrue(first.stream().anyMatch(c -> c.body().indexOf('\u200b') >= 0), "ZWSP");
        assertTrue(first.stream().anyMatch(c -> hasScript(c.body(), Character.UnicodeScript.HAN)), "CJK");
        assertTrue(first.stream().anyMatch(c -> hasScript(c.body(), Character.UnicodeScript.ARABIC)), "Arabic");
        assertTrue(first.stream().anyMatch(c -> c.body().codePoints().anyMatch(cp -> cp >= 0x1F300)), "emoji");
        assertTrue(first.stream().anyMatch(c -> links(c.body()) >= 3), "spam");
        Map<Long, Comment> byId = new HashMap<>();
        pending.forEach(c -> byId.put(c.id(), c));
        int deepest = 0;
        for (Comment c : first) {
            int d = 0;
            for (Long p = c.parentId(); p != null; p = byId.get(p).parentId()) {
                d++;
            }
            deepest = Math.max(deepest, d);
        }
        assertTrue(deepest >= 4, "deep reply chain in the first screens: " + deepest);
    }

    @Test
    void smallAndEmptyRuns() {
        assertFalse(new DemoGenerator(1, 0, NOW).comments().hasNext());
        Iterator<Comment> it = new DemoGenerator(1, 3, NOW).comments();
        it.next();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        Assertions.assertThrows(NoSuchElementException.class, it::next);
        assertEquals(1, all(new DemoGenerator(1, 1, NOW)).size());
    }

    @Test
    void aMillionCommentsCanBeStreamed() {
        long n = 0;
        long bodyChars = 0;
        for (Iterator<Comment> it = new DemoGenerator(42, 1_000_000, NOW).comments(); it.hasNext(); ) {
            bodyChars += it.next().body().length();
            n++;
        }
        assertEquals(1_000_000, n);
        assertTrue(bodyChars > 0);
    }

    private static boolean hasScript(String s, Character.UnicodeScript script) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == script);
    }

    private static long combiningMarks(String s) {
        return s.chars().filter(ch -> ch >= 0x0300 && ch <= 0x036F).count();
    }

    private static int links(String s) {
        int n = 0;
        for (int i = s.indexOf("http"); i >= 0; i = s.indexOf("http", i + 4)) {
            if (s.startsWith("http://", i) || s.startsWith("https://", i)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isRant(Comment c) {
        String b = c.body();
        long letters = b.chars().filter(Character::isLetter).count();
        return letters > 15 && b.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
