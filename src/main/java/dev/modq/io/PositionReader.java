package dev.modq.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Tracks the line and column of the text handed out so far. Parsers read ahead, but a decoding error
 * surfaces exactly when the reader reaches the bad bytes, so this position is where the bad bytes are.
 * The start of the text can be peeked at (format detection on a stream that cannot seek).
 */
public final class PositionReader extends Reader {

    /** How much of the start may be peeked at: a CSV header line, or whitespace before the first character. */
    static final int PEEK_LIMIT = 1 << 16;

    private final PushbackReader in;
    private long line = 1;
    private long column = 1;
    private long skippedLines;
    private boolean ended;

    PositionReader(Reader in) {
        this.in = new PushbackReader(in, PEEK_LIMIT);
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** Whether the end of the input has been read: {@link #line()} is then the last line. */
    public boolean ended() {
        return ended;
    }

    /** Lines dropped by {@link #skipToFirstAngleBracket}, which an XML parser's own line numbers do not see. */
    public long skippedLines() {
        return skippedLines;
    }

    void dropByteOrderMark() throws IOException {
        int c = in.read();
        if (c >= 0 && c != '\uFEFF') {
            in.unread(c);
        }
    }

    /**
     * The text up to the end of the first non-blank line (at most {@link #PEEK_LIMIT} characters), without
     * consuming it.
     */
    String peekFirstLine() throws IOException {
        char[] buf = new char[PEEK_LIMIT];
        int n = 0;
        boolean content = false;
        int c;
        while (n < buf.length && (c = in.read()) >= 0) {
            buf[n++] = (char) c;
            if (c == '\n' && content) {
                break;
            }
            content |= !Character.isWhitespace(c);
        }
        in.unread(buf, 0, n);
        return new String(buf, 0, n);
    }

    /**
     * Drops whatever comes before the first '<' (whitespace, a stray character) when it is short;
     * returns how many characters were dropped.
     */
    int skipToFirstAngleBracket(int limit) throws IOException {
        StringBuilder dropped = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '<' && dropped.length() < limit) {
            dropped.append((char) c);
        }
        if (c >= 0) {
            in.unread(c);
        }
        if (c != '<') {
            String found = dropped.toString().strip();
            throw new BadRecordException("expected XML (a '<' near the start), found \""
                    + found.substring(0, Math.min(20, found.length())).replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        dropped.chars().filter(ch -> ch == '\n').forEach(ch -> skippedLines++);
        line += dropped.chars().filter(ch -> ch == '\n').count();
        return dropped.length();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
            ended = true;
        }
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
