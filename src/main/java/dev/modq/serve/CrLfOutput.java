package dev.modq.serve;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A command's output on a client that asked for a terminal ({@code ssh -t HOST list}): the client's terminal is in
 * raw mode and no pty on our side turns LF into CR LF, so lines would stair-step. Only for that case.
 */
final class CrLfOutput extends FilterOutputStream {

    private int last = -1;

    CrLfOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && last != '\r') {
            out.write('\r');
        }
        out.write(b);
        last = b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n' && (i > off ? b[i - 1] : last) != '\r') {
                out.write(b, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(b, start, off + len - start);
        if (len > 0) {
            last = b[off + len - 1];
        }
    }
}
