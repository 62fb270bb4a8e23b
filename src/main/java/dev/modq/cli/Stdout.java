package dev.modq.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The data stream of every command. {@code System.out} and picocli's PrintWriter swallow write errors, so
 * `export > /dev/full` used to exit 0 having written nothing and `list | head -1` read on through 300k rows.
 * Here a failed write throws {@link StdoutFailure}, which {@link Cli} turns into one line and exit 1, or,
 * for a closed pipe, a quiet exit {@value #BROKEN_PIPE}.
 */
public final class Stdout {

    /** 128 + SIGPIPE: what a shell reports for a C program stopped by a closed pipe. */
    public static final int BROKEN_PIPE = 141;

    private Stdout() {
    }

    /** The process's real stdout (file descriptor 1), in the encoding picocli would use. */
    static PrintWriter process() {
        return writer(new FileOutputStream(FileDescriptor.out), charset());
    }

    /** A line-flushed writer over {@code out} that throws {@link StdoutFailure} when a write fails. */
    public static PrintWriter writer(OutputStream out, Charset charset) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new Failing(out), charset)), true);
    }

    private static Charset charset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * Rethrows the first IOException unchecked, so no writer above can swallow it; after that, writes are
     * dropped, so the final flush of an invocation that already failed does not report it twice.
     */
    private static final class Failing extends FilterOutputStream {

        private boolean failed;

        Failing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failed) {
                return;
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void flush() {
            if (failed) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private StdoutFailure failure(IOException e) {
            failed = true;
            return new StdoutFailure(e);
        }
    }
}
