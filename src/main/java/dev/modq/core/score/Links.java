package dev.modq.core.score;

import java.util.ArrayList;
import java.util.List;

/** Links in untrusted text, found by plain scanning: "scheme://host" and bare "www.host". */
final class Links {

    private Links() {
    }

    /** The same count as the query language's {@code links:} term: occurrences of "://" (within {@code end}). */
    static int count(String s, int end) {
        int n = 0;
        int at = s.indexOf("://");
        while (at >= 0 && at + 3 <= end) {
            n++;
            at = s.indexOf("://", at + 3);
        }
        return n;
    }

    /** Distinct hosts linked to within {@code end}, lower-case and without "www.", at most {@code max}. */
    static List<String> hosts(String s, int end, int max, int maxHost) {
        List<String> hosts = new ArrayList<>();
        int i = 0;
        int scheme = -2;
        int www = -2;
        int tries = 0;
        while (i < end && hosts.size() < max && tries++ < 4 * max) {
            // each search resumes where the last stopped, so the whole scan stays linear
            if (scheme != -1 && scheme < i) {
                scheme = s.indexOf("://", i);
                scheme = scheme >= end ? -1 : scheme;
            }
            if (www != -1 && www < i) {
                www = indexOfIgnoreCase(s, "www.", i, end);
            }
            int start;
            if (scheme >= 0 && (www < 0 || scheme + 3 <= www)) {
                start = scheme + 3;
            } else if (www >= 0) {
                start = www;
            } else {
                break;
            }
            int stop = hostEnd(s, start, Math.min(end, start + maxHost + 64));
            String host = clean(s.substring(start, stop));
            if (host != null && !hosts.contains(host)) {
                hosts.add(host);
            }
            i = Math.max(stop, start + 1);
        }
        return hosts;
    }

    /** The host of one URL (an author's website), or null when there is none. */
    static String host(String url, int ignored) {
        int scheme = url.indexOf("://");
        int start = scheme >= 0 && scheme < 20 ? scheme + 3 : 0;
        int stop = hostEnd(url, start, Math.min(url.length(), start + 320));
        return clean(url.substring(start, stop));
    }

    /** "a.b.example.com" gives "example.com"; a two-label host gives null (it is its own parent). */
    static String parentDomain(String host) {
        int last = host.lastIndexOf('.');
        if (last <= 0) {
            return null;
        }
        int second = host.lastIndexOf('.', last - 1);
        return second < 0 ? null : host.substring(second + 1);
    }

    private static int hostEnd(String s, int start, int limit) {
        int j = start;
        while (j < limit) {
            char c = s.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == ':'
                    || Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** Drops user info and port, lower-cases, strips "www."; null when nothing host-like is left. */
    private static String clean(String raw) {
        String h = raw;
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        h = Features.lower(h);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("www.")) {
            h = h.substring(4);
        }
        if (h.length() < 3 || h.indexOf('.') <= 0 || h.length() > 253) {
            return null;
        }
        return h;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from, int end) {
        for (int i = from; i + needle.length() <= end; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
