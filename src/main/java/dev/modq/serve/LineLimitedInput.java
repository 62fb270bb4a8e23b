package dev.modq.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** stdin of a command over SSH: a line longer than the limit is an error, not a reason to buffer without end. */
final class LineLimitedInput extends FilterInputStream {

    private final int max;
    private int sinceNewline;

    LineLimitedInput(InputStream in, int max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            count(buf[off + i]);
        }
        return n;
    }

    private void count(byte b) throws IOException {
        if (b == '\n') {
            sinceNewline = 0;
        } else if (++sinceNewline > max) {
            throw new IOException("a line on stdin is longer than " + max + " bytes (the server's --max-line)");
        }
    }
}
