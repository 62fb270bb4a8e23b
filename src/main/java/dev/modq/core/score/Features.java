package dev.modq.core.score;

import dev.modq.core.AuthorHistory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one comment into its features, in one linear pass and without regular expressions: the text is
 * untrusted and may be a megabyte. Only the first {@link #MAX_SCAN} characters are read for words and links,
 * and at most {@link #MAX_FEATURES} distinct features come out, so a hostile comment costs what a long one does.
 */
public final class Features {

    public static final int MAX_SCAN = 32_768;
    public static final int MAX_FEATURES = 400;
    private static final int MAX_HOST = 253;
    private static final int MAX_LINKS = 20;

    private final Map<String, Feature> out = new LinkedHashMap<>();

    private Features() {
    }

    public static List<Feature> of(ScoreInput input) {
        Features f = new Features();
        f.context(input);
        f.text(input.body());
        return new ArrayList<>(f.out.values());
    }

    private void add(String key, String label) {
        if (out.size() < MAX_FEATURES) {
            out.putIfAbsent(key, new Feature(key, label));
        }
    }

    private void context(ScoreInput in) {
        history(in.history());
        if (in.repeats() > 0) {
            add("r:" + bucket(in.repeats(), 1, 2, 5), "same text in " + in.repeats() + " other comment"
                    + (in.repeats() == 1 ? "" : "s"));
        }
        if (in.linkback()) {
            add("k:linkback", "pingback or trackback");
        }
        int length = in.body().length();
        add("len:" + bucket(length, 0, 20, 80, 300, 1000, 5000), "length " + lengthLabel(length));
        String host = in.authorUrl() == null ? null : Links.host(in.authorUrl(), 0);
        if (host != null) {
            add("u:" + host, "author's website " + host);
        } else {
            add("u:none", "no author website");
        }
        Words.scan(in.authorName(), 0, Math.min(in.authorName().length(), 200), (word, cjk) ->
                add("a:" + word, "name '" + word + "'"));
    }

    private void history(AuthorHistory h) {
        if (h.isFirstComment()) {
            add("h:first", "first comment");
            return;
        }
        if (h.approved() > 0) {
            add("h:approved:" + bucket(h.approved(), 1, 2, 5, 20),
                    "author has " + h.approved() + " approved comment" + (h.approved() == 1 ? "" : "s"));
        } else {
            add("h:none-approved", "author has no approved comment");
        }
        if (h.rejected() > 0) {
            add("h:rejected:" + bucket(h.rejected(), 1, 2, 5),
                    "author has " + h.rejected() + " rejected comment" + (h.rejected() == 1 ? "" : "s"));
        }
    }

    private void text(String body) {
        int end = Math.min(body.length(), MAX_SCAN);
        List<String> hosts = Links.hosts(body, end, MAX_LINKS, MAX_HOST);
        int links = Links.count(body, end);
        add("links:" + bucket(links, 0, 1, 2, 3, 6), links == 1 ? "1 link" : links + " links");
        for (String host : hosts) {
            add("d:" + host, "link to " + host);
            String parent = Links.parentDomain(host);
            if (parent != null) {
                add("d:" + parent, "link to *." + parent);
            }
        }
        Words.Stats stats = Words.scan(body, 0, end, (word, cjk) -> add("w:" + word, "'" + word + "'"));
        shouting(stats);
        if (stats.bangs() > 0) {
            add("p:bangs", "'!!'");
        }
        if (stats.money() > 0) {
            add("p:money", "currency sign");
        }
        if (stats.longNumbers() > 0) {
            add("n:long", "long number (phone, code)");
        }
    }

    private void shouting(Words.Stats stats) {
        if (stats.letters() < 12) {
            return;
        }
        double share = (double) stats.upper() / stats.letters();
        if (share >= 0.6) {
            add("caps:most", "mostly capitals");
        } else if (share >= 0.3) {
            add("caps:many", "many capitals");
        }
    }

    /** Which bucket {@code n} falls in, named by the bucket's lower bound: bucket(7, 1, 2, 5) is "5+". */
    static String bucket(long n, long... lowerBounds) {
        String name = "<" + lowerBounds[0];
        for (int i = 0; i < lowerBounds.length; i++) {
            if (n >= lowerBounds[i]) {
                boolean last = i == lowerBounds.length - 1;
                long next = last ? 0 : lowerBounds[i + 1];
                name = last ? lowerBounds[i] + "+" : (next - lowerBounds[i] == 1 ? "" + lowerBounds[i]
                        : lowerBounds[i] + "-" + (next - 1));
            }
        }
        return name;
    }

    private static String lengthLabel(int length) {
        if (length < 20) {
            return "under 20 characters";
        }
        if (length >= 5000) {
            return "5,000 characters or more";
        }
        return bucket(length, 0, 20, 80, 300, 1000, 5000).replace("-", " to ") + " characters";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
