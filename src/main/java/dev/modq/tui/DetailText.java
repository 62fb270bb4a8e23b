package dev.modq.tui;

import dev.modq.core.AuthorHistory;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.RelativeTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The detail of a comment as styled lines wrapped to a width: shared by the renderer and the scroll limits. */
public final class DetailText {

    /** One line of the detail pane. */
    public record Line(String text, Style style) {
    }

    private DetailText() {
    }

    public static List<Line> lines(Detail d, int width, Instant now) {
        List<Line> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        StringBuilder from = new StringBuilder("From: ").append(orDash(d.authorName()));
        if (!d.authorEmail().isEmpty()) {
            from.append(" <").append(d.authorEmail()).append('>');
        }
        if (!d.authorIp().isEmpty()) {
            from.append("  IP ").append(d.authorIp());
        }
        add(out, from.toString(), Style.TITLE, width);
        if (!d.authorUrl().isEmpty()) {
            add(out, "Site: " + d.authorUrl(), Style.NORMAL, width);
        }
        add(out, history(d.history()), d.history().isFirstComment() ? Style.WARNING : Style.NORMAL, width);
        add(out, "Post: " + orDash(d.postTitle()) + (d.postUrl().isEmpty() ? "" : "  " + d.postUrl()), Style.NORMAL,
                width);
        add(out, "Posted " + RelativeTime.compact(d.createdAt(), now) + " ago · #" + d.id() + " · " + d.status().label()
                + (d.reason().isEmpty() ? "" : " (" + d.reason() + ")") + " · v" + d.version(), Style.DIM, width);
        for (int i = 0; i < d.score().size(); i++) {
            String line = d.score().get(i);
            add(out, line, i > 0 ? Style.DIM : line.contains("likely spam") ? Style.WARNING : Style.NORMAL, width);
        }
        RuleMarks.lines(d.rules(), width).forEach(out::add);
        if (d.hadControls()) {
            add(out, "! This comment contained control characters: shown as ^X and <U+XXXX>.", Style.WARNING, width);
        }
        if (d.parentId() != null) {
            add(out, "In reply to #" + d.parentId() + " by " + orDash(d.parentAuthor()) + ": " + d.parentExcerpt(),
                    Style.DIM, width);
        }
        out.add(new Line("", Style.NORMAL));
        for (String line : wrap(d.body(), width)) {
            out.add(new Line(line, Style.NORMAL));
        }
        if (!d.links().isEmpty()) {
            out.add(new Line("", Style.NORMAL));
            add(out, "Links (" + d.links().size() + "):", Style.TITLE, width);
            for (Detail.Link link : d.links()) {
                add(out, "  " + DisplayWidth.padRight(orDash(link.domain()), 24) + " " + link.href(), Style.LINK, width);
            }
        }
        return out;
    }

    /** Each status's count in the detail pane stops here and shows as "1,000+". */
    public static final long HISTORY_CAP = 1_000;

    static String history(AuthorHistory h) {
        if (h.isFirstComment()) {
            return "History: [first comment]";
        }
        return "History: " + upTo(h.approved()) + " approved, " + upTo(h.rejected()) + " rejected, "
                + upTo(h.flagged()) + " flagged, " + upTo(h.pending()) + " pending";
    }

    private static String upTo(long n) {
        return n > HISTORY_CAP ? String.format("%,d+", HISTORY_CAP) : String.valueOf(n);
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    static void add(List<Line> out, String text, Style style, int width) {
        for (String line : wrap(text, width)) {
            out.add(new Line(line, style));
        }
    }

    /** Wraps at spaces where it can, hard where it must; measures by display columns; keeps blank lines. */
    public static List<String> wrap(String text, int width) {
        int w = Math.max(1, width);
        List<String> out = new ArrayList<>();
        for (String para : (text == null ? "" : text).split("\n", -1)) {
            wrapParagraph(para, w, out);
        }
        return out;
    }

    private static void wrapParagraph(String para, int width, List<String> out) {
        int start = 0;
        int col = 0;
        int lastSpace = -1;
        int i = 0;
        while (i < para.length()) {
            int cp = para.codePointAt(i);
            int w = DisplayWidth.of(cp);
            if (col + w > width && i > start) {
                if (lastSpace > start) {
                    out.add(para.substring(start, lastSpace));
                    start = lastSpace + 1;
                } else {
                    out.add(para.substring(start, i));
                    start = i;
                }
                col = DisplayWidth.of(para.substring(start, i));
                lastSpace = -1;
                continue;
            }
            if (cp == ' ') {
                lastSpace = i;
            }
            col += w;
            i += Character.charCount(cp);
        }
        out.add(para.substring(start));
    }
}
