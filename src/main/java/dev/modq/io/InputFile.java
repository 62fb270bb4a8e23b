package dev.modq.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An export opened for streaming, from a file, a pipe, a FIFO or stdin ({@code -}): gzip is recognised by its
 * magic bytes and unpacked on the fly; strict UTF-8 (a bad byte is an error, never a U+FFFD); bytes counted for
 * progress; the position of the decoded text tracked for error messages. Nothing ever seeks, so pipes, FIFOs,
 * {@code /dev/stdin} and {@code <(zcat ...)} all work. A leading byte-order mark is dropped.
 */
public final class InputFile implements Closeable {

    /** The name that means standard input. */
    public static final String STDIN = "-";

    private final String name;
    private final long size;
    private final CountingStream counting;
    private final PositionReader reader;
    private final boolean gzip;

    private InputFile(String name, long size, CountingStream counting, PositionReader reader, boolean gzip) {
        this.name = name;
        this.size = size;
        this.counting = counting;
        this.reader = reader;
        this.gzip = gzip;
    }

    /** Opens {@code name} ({@code -}: {@code stdin}); the open itself may wait for a FIFO's writer. */
    public static InputFile open(String name, InputStream stdin) {
        try {
            boolean isStdin = STDIN.equals(name);
            InputStream raw = isStdin ? stdin : openFile(name);
            long size = isStdin ? -1 : sizeOf(Path.of(name));
            return wrap(isStdin ? "stdin" : name, size, raw);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A stream read as an export named {@code name} (tests, and stdin). */
    static InputFile wrap(String name, long size, InputStream raw) throws IOException {
        CountingStream counting = new CountingStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        boolean gzip = isGzip(buffered);
        InputStream plain = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        PositionReader reader = new PositionReader(new StrictUtf8Reader(plain));
        reader.dropByteOrderMark();
        return new InputFile(name, size, counting, reader, gzip);
    }

    private static InputStream openFile(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new ImportException(name + ": is a directory, not an export file");
        }
        try {
            // FileInputStream never seeks (a FileChannel-based stream may): pipes and FIFOs read as files do.
            return new FileInputStream(name);
        } catch (FileNotFoundException e) {
            throw new ImportException(name + (Files.exists(path) ? ": cannot open: " + e.getMessage() : ": no such file"));
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    public String name() {
        return name;
    }

    /** The size in bytes, or -1 when unknown (a pipe). */
    public long size() {
        return size;
    }

    public long bytesRead() {
        return counting.count;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The decoded text, positioned after any BOM. */
    public PositionReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
