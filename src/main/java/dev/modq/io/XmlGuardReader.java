package dev.modq.io;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Sits between the decoded text and StAX, and does two things a real export needs:
 * <ul>
 * <li>a bare {@code &} that starts no valid reference (WordPress writes author URLs like {@code ?a=1&b=2}
 * unescaped) is passed on as {@code &amp;}, i.e. as the text it was meant to be, and counted for the report;
 * CDATA sections, comments and processing instructions are left alone;</li>
 * <li>text runs, tags and comments are measured as they stream past, so a 50 MB comment fails with one line
 * before the parser ever buffers it.</li>
 * </ul>
 */
final class XmlGuardReader extends Reader {

    private static final Pattern REFERENCE = Pattern.compile("^(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final int LOOKAHEAD = 10;

    private enum State { TEXT, TAG, CDATA, COMMENT, PI, DECLARATION }

    private final Reader in;
    private long line;
    private long column;
    private final char[] buffer = new char[1 << 14];
    private int bufferPos;
    private int bufferLen;
    private State state = State.TEXT;
    private char quote;
    private int passThrough;
    private long run;
    private long markup;
    private char last1;
    private char last2;
    private final char[] inserted = "amp;".toCharArray();
    private int insertedAt = inserted.length;
    private long bareAmpersands;
    private String firstBareAmpersand;

    /** {@code firstLine}: the line the text starts on (after anything dropped before the XML). */
    XmlGuardReader(Reader in, long firstLine) {
        this.in = in;
        this.line = firstLine;
    }

    long bareAmpersands() {
        return bareAmpersands;
    }

    String firstBareAmpersand() {
        return firstBareAmpersand;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (insertedAt < inserted.length) {
                buf[off + n++] = inserted[insertedAt++];
                continue;
            }
            int c = next();
            if (c < 0) {
                break;
            }
            buf[off + n++] = (char) c;
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
            step((char) c);
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    private void step(char c) throws IOException {
        if (passThrough > 0) {
            passThrough--;
            remember(c);
            return;
        }
        switch (state) {
            case TEXT -> text(c);
            case TAG -> tag(c);
            case CDATA -> cdata(c);
            case COMMENT -> until(c, last1 == '-' && last2 == '-', "comment");
            case PI -> until(c, last1 == '?', "processing instruction");
            case DECLARATION -> declaration(c);
        }
        remember(c);
    }

    private void remember(char c) {
        last2 = last1;
        last1 = c;
    }

    private void text(char c) throws IOException {
        if (c == '<') {
            openMarkup();
            return;
        }
        if (c == '&') {
            ampersand();
        }
        if (++run > Limits.MAX_FIELD_CHARS) {
            throw limit("a text of more than " + Limits.chars(Limits.MAX_FIELD_CHARS)
                    + " (one comment is at most " + Limits.chars(Limits.MAX_BODY_CHARS) + "): a broken export");
        }
    }

    private void openMarkup() throws IOException {
        String next = peek(8);
        markup = 0;
        if (next.startsWith("![CDATA[")) {
            state = State.CDATA;
            passThrough = 8;
        } else if (next.startsWith("!--")) {
            state = State.COMMENT;
            passThrough = 3;
        } else if (next.startsWith("?")) {
            state = State.PI;
            passThrough = 1;
        } else if (next.startsWith("!")) {
            state = State.DECLARATION;
        } else {
            state = State.TAG;
            run = 0;
            quote = 0;
        }
    }

    private void tag(char c) throws IOException {
        if (++markup > Limits.MAX_TAG_CHARS) {
            throw limit("a tag of more than " + Limits.chars(Limits.MAX_TAG_CHARS) + ": a broken export");
        }
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else if (c == '&') {
                ampersand();
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            state = State.TEXT;
        }
    }

    private void cdata(char c) throws IOException {
        if (c == '>' && last1 == ']' && last2 == ']') {
            state = State.TEXT;
        } else if (++run > Limits.MAX_FIELD_CHARS) {
            throw limit("a text of more than " + Limits.chars(Limits.MAX_FIELD_CHARS)
                    + " (one comment is at most " + Limits.chars(Limits.MAX_BODY_CHARS) + "): a broken export");
        }
    }

    private void until(char c, boolean endMarkBefore, String what) throws IOException {
        if (c == '>' && endMarkBefore) {
            state = State.TEXT;
        } else if (++markup > Limits.MAX_XML_COMMENT_CHARS) {
            throw limit("an XML " + what + " of more than " + Limits.chars(Limits.MAX_XML_COMMENT_CHARS)
                    + ": a broken export");
        }
    }

    private void declaration(char c) throws IOException {
        if (c == '>') {
            state = State.TEXT;
        } else if (++markup > Limits.MAX_TAG_CHARS) {
            throw limit("a declaration of more than " + Limits.chars(Limits.MAX_TAG_CHARS) + ": a broken export");
        }
    }

    /** Called with the '&' already handed out: if no valid reference follows, hand out "amp;" next. */
    private void ampersand() throws IOException {
        if (!REFERENCE.matcher(peek(LOOKAHEAD)).find()) {
            if (bareAmpersands++ == 0) {
                firstBareAmpersand = line + ":" + column;
            }
            insertedAt = 0;
        }
    }

    private int next() throws IOException {
        if (bufferPos == bufferLen && !fill(1)) {
            return -1;
        }
        return buffer[bufferPos++];
    }

    /** The next {@code n} characters (fewer at the end), without consuming them. */
    private String peek(int n) throws IOException {
        fill(n);
        return new String(buffer, bufferPos, Math.min(n, bufferLen - bufferPos));
    }

    /** Makes at least {@code n} characters available unless the input ends first; false when none are. */
    private boolean fill(int n) throws IOException {
        if (bufferLen - bufferPos >= n) {
            return true;
        }
        System.arraycopy(buffer, bufferPos, buffer, 0, bufferLen - bufferPos);
        bufferLen -= bufferPos;
        bufferPos = 0;
        while (bufferLen < n) {
            int got = in.read(buffer, bufferLen, buffer.length - bufferLen);
            if (got < 0) {
                break;
            }
            bufferLen += got;
        }
        return bufferLen > 0;
    }

    private LimitExceeded limit(String what) {
        return new LimitExceeded(line + ":" + column + ": " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
