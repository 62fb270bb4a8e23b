package dev.modq.core.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * Comment bodies (HTML or plain text) rendered as readable text, with the links they contain.
 *
 * <p>The output is <em>not</em> sanitised: callers pass {@link Rendered#text()} and the link fields through
 * {@link Sanitizer} like any other stored string. {@link #render} never throws.
 */
public final class CommentText {

    /** A link found in a comment; {@code domain} is the lower-cased host, or null if there is none. */
    public record Link(String text, String href, String domain) {
    }

    /** Readable text (lines separated by {@code \n}) and links in document order. */
    public record Rendered(String text, List<Link> links) {
        public Rendered {
            links = List.copyOf(links);
        }
    }

    /** A complete start/end tag, comment or doctype; anything else with a '<' is treated as plain text. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|<!--|<!DOCTYPE",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

    private CommentText() {
    }

    public static Rendered render(String rawBody) {
        if (rawBody == null || rawBody.isEmpty()) {
            return new Rendered("", List.of());
        }
        try {
            return TAG.matcher(rawBody).find() ? renderHtml(rawBody) : renderPlain(rawBody);
        } catch (RuntimeException | StackOverflowError e) {
            // Last resort: the raw body is still shown (and sanitised by the caller) rather than nothing.
            return new Rendered(rawBody, List.of());
        }
    }

    /** Occurrences of "://" in the raw body: the query language's {@code links:} is defined this way. */
    public static int linkCount(String rawBody) {
        if (rawBody == null) {
            return 0;
        }
        int count = 0;
        for (int i = rawBody.indexOf("://"); i >= 0; i = rawBody.indexOf("://", i + 3)) {
            count++;
        }
        return count;
    }

    /** The lower-cased host of a URL, or null; lenient, never throws. */
    static String domainOf(String href) {
        if (href == null) {
            return null;
        }
        String s = href.strip();
        int start;
        int scheme = s.indexOf("://");
        if (scheme >= 0 && s.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            start = scheme + 3;
        } else if (s.startsWith("//")) {
            start = 2; // protocol-relative
        } else {
            return null; // relative, mailto:, javascript: ... have no host
        }
        int end = s.length();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            // Browsers treat '\' like '/' in http(s) URLs: "http://evil.com\@good.com" goes to evil.com.
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                end = i;
                break;
            }
        }
        String authority = s.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1); // "http://good.com@evil.com" is evil.com
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? authority.substring(1) : authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }

    private static Rendered renderPlain(String raw) {
        String text = Parser.unescapeEntities(raw, false).replace("\r\n", "\n").replace('\r', '\n');
        List<Link> links = new ArrayList<>();
        addBareUrls(text, links);
        return new Rendered(collapseBlankLines(text), links);
    }

    private static Rendered renderHtml(String raw) {
        Element body = Jsoup.parseBodyFragment(raw).body();
        Renderer r = new Renderer();
        body.filter(r);
        return new Rendered(r.out.toString(), r.links);
    }

    static void addBareUrls(String text, List<Link> links) {
        Matcher m = BARE_URL.matcher(text);
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
                end--; // sentence punctuation after a URL is not part of it
            }
            url = url.substring(0, end);
            links.add(new Link(url, url, domainOf(url)));
        }
    }

    /** Plain text: at most one blank line in a row, no leading/trailing blank lines. */
    private static String collapseBlankLines(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                blank++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            sb.append(line.stripTrailing());
        }
        return sb.toString();
    }

    /** Walks the DOM once, writing text with pending line breaks so blank lines never pile up. */
    private static final class Renderer implements NodeFilter {
        private static final Set<String> DROPPED = Set.of("script", "style", "template", "head", "title",
                "noscript", "iframe", "object", "svg", "math", "select", "textarea");
        private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "ul", "ol", "dl", "table",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure", "details");
        private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "section", "article",
                "header", "footer", "aside", "nav", "main", "summary", "figcaption", "address", "caption");

        final StringBuilder out = new StringBuilder();
        final List<Link> links = new ArrayList<>();
        private int pendingBreaks;       // 0, 1 (line break) or 2 (blank line) before the next text
        private boolean lastWasSpace = true;
        private int quoteDepth;
        private int preDepth;
        private int anchorDepth;
        private Element openAnchor;
        private StringBuilder anchorText;
        private final Deque<int[]> lists = new ArrayDeque<>(); // per list: {ordered ? next number : -1}
        private String pendingBullet;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY; // comments, doctypes, data nodes
            }
            String tag = e.normalName();
            if (DROPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            blockBreak(tag);
            switch (tag) {
                case "br" -> pendingBreaks = Math.min(2, pendingBreaks + 1);
                case "blockquote" -> quoteDepth++;
                case "pre" -> preDepth++;
                case "ul" -> lists.push(new int[] {-1});
                case "ol" -> lists.push(new int[] {startOf(e)});
                case "li" -> pendingBullet = bullet();
                case "td", "th" -> {
                    if (pendingBreaks == 0 && out.length() > 0) {
                        write(" | ");
                    }
                }
                case "a" -> {
                    if (e.hasAttr("href") && anchorDepth++ == 0) {
                        openAnchor = e;
                        anchorText = new StringBuilder();
                    }
                }
                default -> { }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            switch (tag) {
                case "blockquote" -> quoteDepth = Math.max(0, quoteDepth - 1);
                case "pre" -> preDepth = Math.max(0, preDepth - 1);
                case "ul", "ol" -> lists.poll();
                case "a" -> {
                    if (e.hasAttr("href") && --anchorDepth == 0 && openAnchor == e) {
                        String href = e.attr("href");
                        String text = anchorText.toString().strip().replaceAll("\\s+", " ");
                        links.add(new Link(text, href, domainOf(href)));
                        openAnchor = null;
                    }
                }
                default -> { }
            }
            blockBreak(tag);
            return FilterResult.CONTINUE;
        }

        private void blockBreak(String tag) {
            if (PARAGRAPHS.contains(tag)) {
                // Nested lists hang off their item with a plain line break, not a blank line.
                int want = (tag.equals("ul") || tag.equals("ol")) && !lists.isEmpty() ? 1 : 2;
                pendingBreaks = Math.max(pendingBreaks, want);
            } else if (LINES.contains(tag)) {
                pendingBreaks = Math.max(pendingBreaks, 1);
            }
        }

        private String bullet() {
            int[] list = lists.peek();
            if (list == null || list[0] < 0) {
                return "- ";
            }
            return (list[0]++) + ". ";
        }

        private static int startOf(Element ol) {
            try {
                return Math.max(0, Integer.parseInt(ol.attr("start").strip()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private void text(String s) {
            if (anchorDepth == 0) {
                List<Link> bare = new ArrayList<>();
                addBareUrls(s, bare);
                links.addAll(bare);
            } else if (anchorText != null) {
                anchorText.append(s);
            }
            if (preDepth > 0) {
                for (String piece : s.replace("\r\n", "\n").replace('\r', '\n').split("(?<=\n)")) {
                    boolean nl = piece.endsWith("\n");
                    String content = nl ? piece.substring(0, piece.length() - 1) : piece;
                    if (!content.isEmpty()) {
                        write(content);
                    }
                    if (nl) {
                        pendingBreaks = Math.min(2, pendingBreaks + 1);
                    }
                }
                return;
            }
            StringBuilder folded = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                    boolean atLineStart = pendingBreaks > 0 || out.length() == 0;
                    if (!lastWasSpace && !(atLineStart && folded.length() == 0)) {
                        folded.append(' ');
                        lastWasSpace = true;
                    }
                } else {
                    folded.append(c);
                    lastWasSpace = false;
                }
            }
            if (folded.length() > 0) {
                write(folded.toString());
            }
        }

        /** Writes text, first flushing pending line breaks with the current quote/list prefix. */
        private void write(String s) {
            if (pendingBreaks > 0 || out.length() == 0) {
                if (out.length() > 0) {
                    trimTrailingSpaces();
                    for (int i = 0; i < pendingBreaks; i++) {
                        out.append('\n');
                        if (i + 1 < pendingBreaks && quoteDepth > 0) {
                            out.append(">".repeat(quoteDepth)); // blank line inside a quote stays quoted
                        }
                    }
                }
                pendingBreaks = 0;
                out.append("> ".repeat(quoteDepth));
                int indent = Math.max(0, lists.size() - 1) * 2;
                if (pendingBullet != null) {
                    out.append(" ".repeat(indent)).append(pendingBullet);
                    pendingBullet = null;
                } else if (!lists.isEmpty()) {
                    out.append(" ".repeat(indent + 2)); // continuation line inside an item
                }
                if (preDepth == 0 && s.startsWith(" ")) { // indentation in <pre> is content
                    s = s.stripLeading();
                }
            }
            out.append(s);
            lastWasSpace = s.endsWith(" ");
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }
    }
}
