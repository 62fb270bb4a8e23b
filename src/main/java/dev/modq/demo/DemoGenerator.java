package dev.modq.demo;

import dev.modq.core.Comment;
import dev.modq.core.CommentKind;
import dev.modq.core.Post;
import dev.modq.core.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic demo data for a news blog: ~40 posts and any number of comments, generated lazily.
 *
 * <p>The same seed, comment count and {@code now} always give the same posts and comments. Comments
 * have ids 1..N and non-decreasing creation times over the 14 days before {@code now}, so the queue
 * (oldest first) starts with a fixed showcase of awkward content: a very long comment, terminal
 * escapes, C1 controls, bidi overrides, zero-width characters, CJK, Arabic, Cyrillic, emoji, spam
 * and a deep reply chain. After that the mix is random but realistic: mostly on-topic comments from
 * a pool of recurring authors and many first-time authors, some spam, rants, replies and pingbacks.
 *
 * <p>Memory per comment is O(1): the only state kept across comments is a small ring of recent
 * comment ids per post (to choose reply parents) and the fixed text and author pools.
 */
public final class DemoGenerator {

    public static final String SOURCE_SYSTEM = "demo";

    static final int POSTS = DemoText.POSTS.length;
    static final int RECURRING_AUTHORS = 60;
    static final long DAY = 86_400L;
    /** Comments are spread over this many seconds before {@code now}. */
    static final long COMMENT_WINDOW = 14 * DAY;
    /** Posts before this index (0-based) are published before the comment window starts. */
    private static final int OLD_POSTS = 30;
    private static final int RING = 12;
    private static final int MAX_DEPTH = 8;

    // Content classes.
    private static final int NORMAL = 0, SPAM = 1, CAPS = 2, HOSTILE = 3, CJK = 4, CYRILLIC = 5, ARABIC = 6,
            EMOJI = 7, HTML = 8, LONG = 9, PINGBACK = 10, OTHER_LANG = 11, DEEP = 12;
    /** Hostile variant: a flood of combining marks. */
    private static final int FLOOD = 99;

    // Author types.
    private static final int REGULAR = 0, SPAMMER = 1, TROLL = 2, ONE_OFF = 3;

    /**
     * The start of the queue: comment i (1-based) gets EARLY[i-1] = {class, variant}. All of them are
     * pending, so with creation times ascending by id they are the first screen a moderator sees.
     * DEEP comments form one reply chain on a single post.
     */
    private static final int[][] EARLY = {
            {DEEP, 0}, {LONG, 0}, {DEEP, 0}, {HOSTILE, 0}, {CJK, 0}, {DEEP, 0}, {SPAM, 0}, {ARABIC, 0},
            {EMOJI, 0}, {DEEP, 0}, {CAPS, 0}, {CYRILLIC, 0}, {HOSTILE, 3}, {DEEP, 0}, {HOSTILE, 4},
            {HOSTILE, 5}, {HTML, 0}, {HOSTILE, 1}, {DEEP, 0}, {HOSTILE, FLOOD}, {HOSTILE, 2}, {SPAM, 1},
            {PINGBACK, 0}, {DEEP, 0}, {HOSTILE, 6}, {ARABIC, 1}, {OTHER_LANG, 0}, {CJK, 1}, {DEEP, 0},
            {NORMAL, 0},
    };

    private final long seed;
    private final int count;
    private final long nowSecond;
    private final List<Post> posts;
    private final String[] subjects;
    private final long[] published;
    private final Author[] recurring;

    private record Author(String name, String email, String url, String ip, String userAgent, int type) {
    }

    public DemoGenerator(long seed, int comments, Instant now) {
        if (comments < 0) {
            throw new IllegalArgumentException("comments must be 0 or more, not " + comments);
        }
        this.seed = seed;
        this.count = comments;
        this.nowSecond = now.getEpochSecond();
        this.subjects = new String[POSTS];
        this.published = new long[POSTS];
        this.posts = Collections.unmodifiableList(makePosts(new SplittableRandom(seed ^ 0x5DEECE66DL)));
        this.recurring = makeAuthors(new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L));
    }

    /** The posts, ids 1..P, oldest first. */
    public List<Post> posts() {
        return posts;
    }

    /** Demo moderator names; they get the moderator role. */
    public List<String> moderators() {
        return List.of("alice", "bob", "carol");
    }

    /** The comments, ids 1..N ascending, generated lazily; each call starts afresh. */
    public Iterator<Comment> comments() {
        return new Gen();
    }

    // ---------------------------------------------------------------- posts and authors

    private List<Post> makePosts(SplittableRandom r) {
        List<Post> out = new ArrayList<>(POSTS);
        long windowStart = nowSecond - COMMENT_WINDOW;
        long oldStart = nowSecond - 60 * DAY;
        long oldSpan = (windowStart - DAY) - oldStart;
        long newSpan = COMMENT_WINDOW - DAY;
        for (int i = 0; i < POSTS; i++) {
            long at;
            if (i < OLD_POSTS) {
                at = oldStart + oldSpan * i / OLD_POSTS + r.nextLong(oldSpan / OLD_POSTS);
            } else {
                int k = i - OLD_POSTS;
                int n = POSTS - OLD_POSTS;
                at = windowStart + newSpan * k / n + r.nextLong(newSpan / n);
            }
            published[i] = at;
            subjects[i] = DemoText.POSTS[i][1];
            String title = DemoText.POSTS[i][0];
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at, DAY));
            StringBuilder url = new StringBuilder("https://news.example.com/").append(day.getYear()).append('/');
            if (day.getMonthValue() < 10) {
                url.append('0');
            }
            url.append(day.getMonthValue()).append('/').append(slug(title));
            String author = DemoText.STAFF[r.nextInt(DemoText.STAFF.length)];
            out.add(new Post(i + 1, title, url.toString(), author, Instant.ofEpochSecond(at),
                    SOURCE_SYSTEM, "p" + (i + 1)));
        }
        return out;
    }

    static String slug(String title) {
        StringBuilder sb = new StringBuilder(title.length());
        boolean dash = false;
        for (int i = 0; i < title.length(); i++) {
            char c = Character.toLowerCase(title.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else if (c != '\'') {
                dash = true;
            }
        }
        return sb.toString();
    }

    private static Author[] makeAuthors(SplittableRandom r) {
        Author[] out = new Author[RECURRING_AUTHORS];
        Set<String> used = new HashSet<>(); // membership only, never iterated
        for (int i = 0; i < RECURRING_AUTHORS; i++) {
            int type = i % 20 == 7 ? SPAMMER : i % 20 == 13 ? TROLL : REGULAR;
            String name;
            String mailbox;
            String url = null;
            do {
                String[] first = DemoText.FIRST[r.nextInt(DemoText.FIRST.length)];
                String[] last = DemoText.LAST[r.nextInt(DemoText.LAST.length)];
                String handle = DemoText.HANDLES[r.nextInt(DemoText.HANDLES.length)];
                switch (type == REGULAR ? r.nextInt(4) : type == SPAMMER ? 4 : 5) {
                    case 0, 1 -> {
                        name = first[0] + " " + last[0];
                        mailbox = first[1] + "." + last[1];
                    }
                    case 2 -> {
                        name = first[0] + " " + last[0].charAt(0) + ".";
                        mailbox = first[1] + last[1].charAt(0);
                    }
                    case 3 -> {
                        name = handle + (r.nextInt(3) == 0 ? "" : Integer.toString(r.nextInt(100)));
                        mailbox = name;
                    }
                    case 4 -> {
                        name = DemoText.SPAMMER_NAMES[r.nextInt(DemoText.SPAMMER_NAMES.length)];
                        mailbox = "promo" + r.nextInt(1000);
                    }
                    default -> {
                        int h = r.nextInt(DemoText.HOSTILE_NAMES.length + 2);
                        name = h < DemoText.HOSTILE_NAMES.length ? DemoText.HOSTILE_NAMES[h]
                                : "REAL_" + handle.toUpperCase(java.util.Locale.ROOT);
                        mailbox = "anon" + r.nextInt(10_000);
                    }
                }
            } while (!used.add(name));
            String email = mailbox + "@" + DemoText.MAIL_DOMAINS[r.nextInt(DemoText.MAIL_DOMAINS.length)];
            if (type == SPAMMER) {
                url = "https://" + DemoText.SPAM_HOSTS[r.nextInt(DemoText.SPAM_HOSTS.length)] + "/?ref=" + r.nextInt(10_000);
            } else if (r.nextInt(4) == 0) {
                url = "https://" + DemoText.BLOGS[r.nextInt(DemoText.BLOGS.length)] + "/~" + mailbox;
            }
            String ua = type == SPAMMER ? DemoText.SPAM_USER_AGENTS[r.nextInt(DemoText.SPAM_USER_AGENTS.length)]
                    : DemoText.USER_AGENTS[r.nextInt(DemoText.USER_AGENTS.length)];
            out[i] = new Author(name, email, url, ip(r), ua, type);
        }
        return out;
    }

    /** An address in a private or documentation range: 10/8, 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32. */
    static String ip(SplittableRandom r) {
        int k = r.nextInt(10);
        StringBuilder sb = new StringBuilder(24);
        switch (k) {
            case 0, 1, 2 -> sb.append("10.").append(r.nextInt(256)).append('.').append(r.nextInt(256))
                    .append('.').append(1 + r.nextInt(254));
            case 3, 4 -> sb.append("192.0.2.").append(1 + r.nextInt(254));
            case 5, 6 -> sb.append("198.51.100.").append(1 + r.nextInt(254));
            case 7, 8 -> sb.append("203.0.113.").append(1 + r.nextInt(254));
            default -> sb.append("2001:db8:").append(Integer.toHexString(r.nextInt(0x10000))).append("::")
                    .append(Integer.toHexString(1 + r.nextInt(0xFFFF)));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- comments

    private final class Gen implements Iterator<Comment> {
        private final SplittableRandom r = new SplittableRandom(seed);
        private final long start = nowSecond - COMMENT_WINDOW;
        private final long span = COMMENT_WINDOW - 60;
        private final long[][] ringIds = new long[POSTS][RING];
        private final int[][] ringDepth = new int[POSTS][RING];
        private final String[][] ringAuthor = new String[POSTS][RING];
        private final int[] ringSize = new int[POSTS];
        private final int[] ringNext = new int[POSTS];
        private final StringBuilder sb = new StringBuilder(1024);
        private int eligible; // posts[0..eligible) are published by the current comment's time
        private long id;
        private int deepPost = -1;
        private long deepParent;
        private int deepDepth;
        private String deepAuthor;

        @Override
        public boolean hasNext() {
            return id < count;
        }

        @Override
        public Comment next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            id++;
            // Non-decreasing: (id-1+u)/N < id/N <= (id+u')/N.
            long created = start + (long) (((id - 1) + r.nextDouble()) * span / count);
            while (eligible < POSTS && published[eligible] <= created) {
                eligible++;
            }

            boolean early = id <= EARLY.length;
            int cls;
            int variant = -1;
            if (early) {
                cls = EARLY[(int) id - 1][0];
                variant = EARLY[(int) id - 1][1];
            } else {
                cls = randomClass();
            }

            // Post: biased towards recently published posts.
            int post;
            if (cls == DEEP) {
                if (deepPost < 0) {
                    deepPost = eligible - 1;
                }
                post = deepPost;
            } else {
                double u = r.nextDouble();
                post = eligible - 1 - (int) (eligible * u * u * u);
            }

            // Parent: an earlier comment on the same post.
            Long parent = null;
            int depth = 0;
            String parentAuthor = null;
            if (cls == DEEP) {
                if (deepParent > 0) {
                    parent = deepParent;
                    depth = deepDepth + 1;
                    parentAuthor = deepAuthor;
                }
            } else if (cls != PINGBACK && cls != LONG && ringSize[post] > 0 && r.nextInt(100) < 35) {
                int n = ringSize[post];
                int slot = r.nextBoolean() ? (ringNext[post] + RING - 1) % RING : r.nextInt(n);
                if (ringDepth[post][slot] < MAX_DEPTH) {
                    parent = ringIds[post][slot];
                    depth = ringDepth[post][slot] + 1;
                    parentAuthor = ringAuthor[post][slot];
                }
            }

            Author author = pickAuthor(cls);
            if (cls == DEEP) {
                deepAuthor = author.name();
            }
            String body = body(cls, variant, post, parentAuthor);
            CommentKind kind = cls == PINGBACK ? CommentKind.PINGBACK : CommentKind.COMMENT;

            Status status = Status.PENDING;
            String reason = null;
            if (!early) {
                int roll = r.nextInt(100);
                int[] table = statusTable(cls, author.type(), id <= count * DECIDED_SHARE / 100);
                if (roll < table[0]) {
                    status = Status.PENDING;
                } else if (roll < table[1]) {
                    status = Status.APPROVED;
                } else if (roll < table[2]) {
                    status = Status.REJECTED;
                    // moderators reject spammers' comments as spam; everything else they reject is abuse
                    reason = cls == SPAM || author.type() == SPAMMER ? "spam" : "abuse";
                } else {
                    status = Status.FLAGGED;
                    reason = cls == CAPS || cls == HOSTILE ? "abuse" : null;
                }
            }

            // Remember for replies.
            int slot = ringNext[post];
            ringIds[post][slot] = id;
            ringDepth[post][slot] = depth;
            ringAuthor[post][slot] = author.name();
            ringNext[post] = (slot + 1) % RING;
            if (ringSize[post] < RING) {
                ringSize[post]++;
            }
            if (cls == DEEP) {
                deepParent = id;
                deepDepth = depth;
            }

            return new Comment(id, post + 1, parent, author.name(), author.email(), author.url(), author.ip(),
                    author.userAgent(), body, kind, Instant.ofEpochSecond(created), status, reason, 0L,
                    SOURCE_SYSTEM, "c" + id);
        }

        private int randomClass() {
            int p = r.nextInt(10_000);
            if (p < 150) {
                return PINGBACK;
            }
            if (p < 850) {
                return SPAM;
            }
            if (p < 1150) {
                return CAPS;
            }
            if (p < 1300) {
                return HOSTILE;
            }
            if (p < 1500) {
                return CJK;
            }
            if (p < 1700) {
                return CYRILLIC;
            }
            if (p < 1850) {
                return ARABIC;
            }
            if (p < 2000) {
                return OTHER_LANG;
            }
            if (p < 2300) {
                return EMOJI;
            }
            if (p < 2800) {
                return HTML;
            }
            if (p == 2800 && r.nextInt(5) == 0) {
                return LONG; // about 1 in 50,000
            }
            return NORMAL;
        }

        /** Cumulative percentages: pending, approved, rejected; the rest is flagged. */
        private int[] statusTable(int cls, int authorType, boolean older) {
            if (older) {
                return olderTable(cls, authorType);
            }
            switch (cls) {
                case SPAM:
                    return SPAM_STATUS;
                case HOSTILE:
                    return HOSTILE_STATUS;
                case CAPS:
                    return CAPS_STATUS;
                case PINGBACK:
                    return PINGBACK_STATUS;
                default:
                    return authorType == REGULAR ? REGULAR_STATUS : authorType == ONE_OFF ? ONE_OFF_STATUS
                            : CAPS_STATUS;
            }
        }

        /** The older part of the window has mostly been moderated already: the queue is the recent comments. */
        private int[] olderTable(int cls, int authorType) {
            return switch (cls) {
                case SPAM -> OLDER_SPAM_STATUS;
                case HOSTILE, CAPS -> OLDER_ROUGH_STATUS;
                case PINGBACK -> OLDER_PINGBACK_STATUS;
                default -> authorType == SPAMMER ? OLDER_SPAM_STATUS : authorType == TROLL ? OLDER_ROUGH_STATUS
                        : OLDER_REGULAR_STATUS;
            };
        }

        private Author pickAuthor(int cls) {
            if (cls == PINGBACK) {
                String blog = DemoText.BLOGS[r.nextInt(DemoText.BLOGS.length)];
                String url = "https://" + blog + "/2026/" + (1 + r.nextInt(999)) + "/";
                return new Author(blog, null, url, "198.51.100." + (1 + r.nextInt(254)),
                        "WordPress/6.6.2; https://" + blog, ONE_OFF);
            }
            int roll = r.nextInt(100);
            if (cls == SPAM) {
                if (roll < 50) {
                    return recurring[7 + 20 * r.nextInt(RECURRING_AUTHORS / 20)];
                }
                return oneOff(true);
            }
            if (cls == CAPS || cls == HOSTILE) {
                if (roll < 50) {
                    return recurring[13 + 20 * r.nextInt(RECURRING_AUTHORS / 20)];
                }
                return oneOff(false);
            }
            if (roll < 55) {
                // Zipf-like: a few regulars write most of the recurring comments.
                double u = r.nextDouble();
                int i = (int) (RECURRING_AUTHORS * u * u);
                Author a = recurring[i];
                if (a.type() != REGULAR) {
                    a = recurring[(i + 1) % RECURRING_AUTHORS];
                }
                return a;
            }
            return oneOff(false);
        }

        private Author oneOff(boolean spammer) {
            String[] first = DemoText.FIRST[r.nextInt(DemoText.FIRST.length)];
            String[] last = DemoText.LAST[r.nextInt(DemoText.LAST.length)];
            String domain = DemoText.MAIL_DOMAINS[r.nextInt(DemoText.MAIL_DOMAINS.length)];
            String name;
            String email;
            String url = null;
            String ua;
            if (spammer) {
                // half of them pass for people: an ordinary name, a web-mail address, sometimes no website
                boolean disguised = r.nextBoolean();
                name = disguised ? first[0] + " " + last[0] : DemoText.SPAMMER_NAMES[r.nextInt(DemoText.SPAMMER_NAMES.length)];
                email = (disguised ? first[1] + last[1] : "offers") + id + "@" + domain;
                url = disguised && r.nextInt(3) == 0 ? null
                        : "http://" + DemoText.SPAM_HOSTS[r.nextInt(DemoText.SPAM_HOSTS.length)] + "/" + id;
                ua = disguised ? DemoText.USER_AGENTS[r.nextInt(DemoText.USER_AGENTS.length)]
                        : DemoText.SPAM_USER_AGENTS[r.nextInt(DemoText.SPAM_USER_AGENTS.length)];
            } else {
                switch (r.nextInt(5)) {
                    case 0 -> {
                        name = first[0];
                        email = first[1] + id + "@" + domain;
                    }
                    case 1 -> {
                        name = DemoText.HANDLES[r.nextInt(DemoText.HANDLES.length)] + id;
                        email = name + "@" + domain;
                    }
                    case 2 -> {
                        name = "Anonymous";
                        email = "anon" + id + "@" + domain;
                    }
                    default -> {
                        name = first[0] + " " + last[0];
                        email = first[1] + "." + last[1] + id + "@" + domain;
                    }
                }
                ua = DemoText.USER_AGENTS[r.nextInt(DemoText.USER_AGENTS.length)];
            }
            return new Author(name, email, url, ip(r), ua, ONE_OFF);
        }

        private String body(int cls, int variant, int post, String parentAuthor) {
            sb.setLength(0);
            switch (cls) {
                case SPAM -> spam(variant);
                case CAPS -> {
                    sb.append(pick(DemoText.CAPS));
                    int bangs = r.nextInt(5);
                    for (int i = 0; i < bangs; i++) {
                        sb.append('!');
                    }
                    if (r.nextBoolean()) {
                        sb.append(' ').append(pick(DemoText.CAPS));
                    }
                }
                case HOSTILE -> sb.append(variant == FLOOD ? combiningFlood()
                        : variant >= 0 ? DemoText.HOSTILE[variant] : hostile());
                case CJK -> sb.append(variant >= 0 ? DemoText.CJK[variant] : pick(DemoText.CJK));
                case CYRILLIC -> sb.append(variant >= 0 ? DemoText.CYRILLIC[variant] : pick(DemoText.CYRILLIC));
                case ARABIC -> sb.append(variant >= 0 ? DemoText.ARABIC[variant] : pick(DemoText.ARABIC));
                case OTHER_LANG -> sb.append(variant >= 0 ? DemoText.OTHER_LANG[variant] : pick(DemoText.OTHER_LANG));
                case EMOJI -> {
                    sb.append(pick(DemoText.EMOJI_BODIES));
                    if (r.nextBoolean()) {
                        sb.append(' ').append(pick(DemoText.EMOJI)).append(pick(DemoText.EMOJI));
                    }
                }
                case HTML -> html(post);
                case LONG -> longBody(post);
                case PINGBACK -> sb.append("[…] ").append(Character.toUpperCase(subjects[post].charAt(0)))
                        .append(subjects[post], 1, subjects[post].length())
                        .append(" is covered in detail by the local paper; our take follows below. […]");
                default -> normal(post, parentAuthor);
            }
            return sb.toString();
        }

        private void normal(int post, String parentAuthor) {
            if (parentAuthor == null && r.nextInt(100) < 6) {
                // readers thank in the same words praise spam uses: only the author and website tell them apart
                sb.append(pick(DemoText.SPAM_PRAISE));
                return;
            }
            if (parentAuthor != null && r.nextInt(100) < 60) {
                if (r.nextBoolean()) {
                    sb.append('@').append(parentAuthor).append(' ');
                }
                sb.append(pick(DemoText.REPLY_OPENERS)).append(' ');
            } else if (r.nextInt(100) < 55) {
                sb.append(pick(DemoText.OPENERS)).append(' ');
            }
            String[] topic = DemoText.TOPIC[r.nextInt(DemoText.TOPIC.length)];
            sb.append(topic[0]).append(subjects[post]).append(topic[1]);
            int middles = r.nextInt(3);
            for (int i = 0; i < middles; i++) {
                sb.append(r.nextInt(4) == 0 ? "\n\n" : " ").append(pick(DemoText.MIDDLES));
            }
            if (r.nextInt(100) < 40) {
                sb.append(' ').append(pick(DemoText.CLOSERS));
            }
            if (r.nextInt(100) < 8) {
                sb.append(' ').append(pick(DemoText.EMOJI));
            }
            // Sentence-initial subject reads better capitalised.
            if (sb.length() > 0 && Character.isLowerCase(sb.charAt(0))) {
                sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
            }
        }

        private void html(int post) {
            String[] topic = DemoText.TOPIC[r.nextInt(DemoText.TOPIC.length)];
            sb.append("<p>").append(pick(DemoText.OPENERS)).append(" <b>").append(topic[0]).append(subjects[post])
                    .append(topic[1]).append("</b></p>");
            if (r.nextBoolean()) {
                sb.append("<blockquote>").append(pick(DemoText.MIDDLES)).append("</blockquote>");
            }
            sb.append("<p>").append(pick(DemoText.MIDDLES)).append(" See <a href=\"https://")
                    .append(DemoText.BLOGS[r.nextInt(DemoText.BLOGS.length)]).append("/notes/").append(id)
                    .append("\">my notes</a> or <i>the council minutes</i>.</p>");
        }

        /**
         * Spam comes in kinds that look like what blogs get, several of which share words with ordinary comments:
         * link lists, praise with no link (the spam is the author's website), money stories, an ordinary sentence
         * with one link, Chinese casino ads, spelled-out links. The showcase at the top keeps the link lists.
         */
        private void spam(int variant) {
            if (variant >= 0) {
                linkSpam(3 + variant, variant == 1);
                return;
            }
            switch (r.nextInt(7)) {
                case 0, 1 -> linkSpam(1 + r.nextInt(4), r.nextBoolean());
                case 2 -> sb.append(pick(DemoText.SPAM_PRAISE)).append(r.nextBoolean() ? " " + pick(DemoText.CLOSERS) : "");
                case 3 -> sb.append(pick(DemoText.SPAM_STORIES)).append(' ').append(pick(DemoText.SPAM_CALLS));
                case 4 -> sb.append(pick(DemoText.MIDDLES)).append(' ').append(pick(DemoText.SPAM_SOFT_LEADS))
                        .append("https://").append(pick(DemoText.SPAM_HOSTS)).append("/blog/").append(id);
                case 5 -> {
                    sb.append(pick(DemoText.SPAM_CJK));
                    if (r.nextBoolean()) {
                        sb.append(" https://").append(pick(DemoText.SPAM_HOSTS)).append("/?u=").append(id);
                    }
                }
                default -> {
                    String host = pick(DemoText.SPAM_HOSTS);
                    sb.append(pick(DemoText.SPAM_LEADS)).append(pick(DemoText.SPAM_GOODS)).append(" at ")
                            .append(host.replace(".", " dot ")).append(" (no spaces)");
                }
            }
        }

        private void linkSpam(int links, boolean html) {
            sb.append(pick(DemoText.SPAM_LEADS)).append(pick(DemoText.SPAM_GOODS)).append("! ");
            for (int i = 0; i < links; i++) {
                String host = pick(DemoText.SPAM_HOSTS);
                String scheme = (i & 1) == 0 ? "https://" : "http://";
                if (html) {
                    sb.append("<a href=\"").append(scheme).append(host).append("/?id=").append(id).append('_').append(i)
                            .append("\">").append(pick(DemoText.SPAM_GOODS)).append("</a> ");
                } else {
                    sb.append(scheme).append(host).append("/p/").append(id).append(i).append(' ');
                }
            }
            sb.append("Thank you!!!");
        }

        private String hostile() {
            if (r.nextInt(8) == 0) {
                return combiningFlood();
            }
            return pick(DemoText.HOSTILE);
        }

        private String combiningFlood() {
            StringBuilder z = new StringBuilder(1200);
            String text = "HE COMES";
            for (int i = 0; i < text.length(); i++) {
                z.append(text.charAt(i));
                int marks = 20 + r.nextInt(40);
                for (int m = 0; m < marks; m++) {
                    z.append((char) (0x0300 + r.nextInt(0x70)));
                }
            }
            return z.toString();
        }

        private void longBody(int post) {
            int words = 0;
            int target = 2500 + r.nextInt(1500);
            sb.append("A long comment on ").append(subjects[post]).append(", because I think it deserves one.\n\n");
            while (words < target) {
                int sentences = 4 + r.nextInt(5);
                for (int i = 0; i < sentences; i++) {
                    String s = r.nextInt(6) == 0 ? pick(DemoText.MIDDLES) : pick(DemoText.LONG_SENTENCES);
                    sb.append(s).append(i + 1 < sentences ? " " : "\n\n");
                    words += wordCount(s);
                }
            }
            sb.append("Thank you for reading this far.");
        }

        private String pick(String[] pool) {
            return pool[r.nextInt(pool.length)];
        }
    }

    private static int wordCount(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Comments with ids up to this percentage of the count are the older, mostly moderated part. */
    private static final int DECIDED_SHARE = 65;
    private static final int[] OLDER_SPAM_STATUS = {6, 6, 100};
    private static final int[] OLDER_ROUGH_STATUS = {8, 35, 88};
    private static final int[] OLDER_PINGBACK_STATUS = {8, 100, 100};
    private static final int[] OLDER_REGULAR_STATUS = {8, 90, 94};
    private static final int[] SPAM_STATUS = {55, 55, 100};
    private static final int[] HOSTILE_STATUS = {75, 75, 95};
    private static final int[] CAPS_STATUS = {70, 75, 88};
    private static final int[] PINGBACK_STATUS = {50, 100, 100};
    private static final int[] REGULAR_STATUS = {66, 94, 97};
    private static final int[] ONE_OFF_STATUS = {84, 95, 98};
}
