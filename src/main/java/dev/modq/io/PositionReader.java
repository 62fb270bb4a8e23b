package dev.modq.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Tracks the line and column of the text handed out so far. Parsers read ahead, but a decoding error
 * surfaces exactly when the reader reaches the bad bytes, so this position is where the bad bytes are.
 */
public final class PositionReader extends Reader {

    private final PushbackReader in;
    private long line = 1;
    private long column = 1;
    private long skippedLines;

    PositionReader(Reader in) {
        this.in = new PushbackReader(in, 1);
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
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
                    + found.substring(0, Math.min(20, found.length())) + "\"");
        }
        dropped.chars().filter(ch -> ch == '\n').forEach(ch -> skippedLines++);
        return dropped.length();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
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
