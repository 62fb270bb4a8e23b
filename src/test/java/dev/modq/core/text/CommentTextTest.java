package dev.modq.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modq.core.text.CommentText.Link;
import dev.modq.core.text.CommentText.Rendered;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    private static String text(String html) {
        return CommentText.render(html).text();
    }

    @Test
    void paragraphsAndBreaks() {
        assertEquals("First para.\n\nSecond line one\nline two",
                text("<p>First   para.</p>\n  <p>Second line one<br>line two</p>"));
        assertEquals("a\n\nb", text("a<br><br><br><br>b"), "blank lines collapse to one");
        assertEquals("a\nb", text("<div>a</div><div>b</div>"));
    }

    @Test
    void nestedLists() {
        assertEquals("Items:\n\n- one\n- two\n  - two.a\n  - two.b\n- three\n\n1. first\n2. second",
                text("<p>Items:</p><ul><li>one</li><li>two<ul><li>two.a</li><li>two.b</li></ul></li>"
                        + "<li>three</li></ul><ol><li>first</li><li>second</li></ol>"));
    }

    @Test
    void blockquotePrefixesLines() {
        assertEquals("> quoted line\n> second\n>\n> para\n\nreply",
                text("<blockquote>quoted line<br>second<p>para</p></blockquote>reply"));
        assertEquals("> > deep", text("<blockquote><blockquote>deep</blockquote></blockquote>"));
    }

    @Test
    void entitiesDecodedTagsStrippedScriptsDropped() {
        assertEquals("Tom & Jerry <3 \u00A0\u00E9 bold",
                text("<p>Tom &amp; Jerry &lt;3 &nbsp;&eacute; <b>bold</b></p>"));
        assertEquals("hi there", text("<script>alert('x')</script>hi <style>p{}</style>there<!-- hidden -->"));
    }

    @Test
    void linksWithDomainsInOrder() {
        Rendered r = CommentText.render("<p>See <a href=\"https://Example.COM:8443/x?y#z\">this  page</a> and "
                + "https://other.org/path. Also <a href=\"/relative\">rel</a> "
                + "<a href=\"http://good.com@evil.com/\">trick</a> <a href='http://evil.net\\@good.com'>bs</a></p>");
        assertEquals("See this page and https://other.org/path. Also rel trick bs", r.text());
        assertEquals(List.of(
                new Link("this page", "https://Example.COM:8443/x?y#z", "example.com"),
                new Link("https://other.org/path", "https://other.org/path", "other.org"),
                new Link("rel", "/relative", null),
                new Link("trick", "http://good.com@evil.com/", "evil.com"),
                new Link("bs", "http://evil.net\\@good.com", "evil.net")), r.links());
    }

    @Test
    void domainOfIsNullSafe() {
        assertNull(CommentText.domainOf(null));
        assertNull(CommentText.domainOf("http://"));
        assertNull(CommentText.domainOf("javascript:alert(1)"));
        assertNull(CommentText.domainOf("mailto:a@b.c"));
        assertEquals("::1", CommentText.domainOf("http://[::1]:80/"));
        assertEquals("cdn.x.org", CommentText.domainOf("//CDN.x.org./a"));
    }

    @Test
    void malformedHtmlNeverThrows() {
        assertEquals("unclosed bold\n- item", text("<b>unclosed <i>bold<li>item"));
        assertEquals("x", text("<p>x</div></span></p></p>"));
        text("<a href=\"http://[broken\">x</a><<<>>>&#xFFFFFF;&#0;<p");
        String deep = "<div>".repeat(5000) + "deep" + "</div>".repeat(10);
        assertEquals("deep", text(deep));
        assertEquals(new Rendered("", List.of()), CommentText.render(null));
        assertEquals("", text(""));
    }

    @Test
    void plainTextKeepsLineBreaks() {
        Rendered r = CommentText.render("line one\r\nline two\n\n\n\nafter gap, see http://x.io/a). a < b > c");
        assertEquals("line one\nline two\n\nafter gap, see http://x.io/a). a < b > c", r.text());
        assertEquals(List.of(new Link("http://x.io/a", "http://x.io/a", "x.io")), r.links());
        assertEquals("I <3 you\nok", text("I <3 you\nok"));
    }

    @Test
    void preservesPreformattedText() {
        assertEquals("code:\n\nint x;\n  y();", text("code:<pre>int x;\n  y();</pre>"));
    }

    @Test
    void controlsPassThroughForTheSanitiser() {
        String rendered = text("<p>\u001b[2Jhi\u202E</p>");
        assertEquals("\u001b[2Jhi\u202E", rendered);
        assertEquals("^[[2Jhi<U+202E>", Sanitizer.clean(rendered));
    }

    @Test
    void linkCountCountsSchemeSeparators() {
        assertEquals(0, CommentText.linkCount(null));
        assertEquals(0, CommentText.linkCount("no links"));
        assertEquals(3, CommentText.linkCount("<a href=\"http://a\">http://a</a> ftp://b"));
        assertEquals(2, CommentText.linkCount("a://b://c"));
        assertEquals(1, CommentText.linkCount("://///"), "non-overlapping");
    }
}
