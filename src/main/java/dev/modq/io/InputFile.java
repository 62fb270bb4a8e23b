package dev.modq.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An export file opened for streaming: strict UTF-8 (a bad byte is an error, never a U+FFFD), bytes counted
 * for progress, the position of the decoded text tracked for error messages, and the first KB kept for
 * format detection. A leading byte-order mark is dropped.
 */
public final class InputFile implements Closeable {

    static final int HEAD_BYTES = 1024;

    private final Path path;
    private final long size;
    private final CountingStream counting;
    private final byte[] head;
    private final PositionReader reader;

    private InputFile(Path path, long size, CountingStream counting, byte[] head, PositionReader reader) {
        this.path = path;
        this.size = size;
        this.counting = counting;
        this.head = head;
        this.reader = reader;
    }

    public static InputFile open(Path path) {
        try {
            long size = Files.size(path);
            CountingStream counting = new CountingStream(Files.newInputStream(path));
            BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
            buffered.mark(HEAD_BYTES);
            byte[] head = buffered.readNBytes(HEAD_BYTES);
            buffered.reset();
            PositionReader reader = new PositionReader(new StrictUtf8Reader(buffered));
            reader.dropByteOrderMark();
            return new InputFile(path, size, counting, head, reader);
        } catch (NoSuchFileException e) {
            throw new ImportException(path + ": no such file");
        } catch (IOException e) {
            throw new ImportException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    public String name() {
        return path.toString();
    }

    public long size() {
        return size;
    }

    public long bytesRead() {
        return counting.count;
    }

    /** The first KB of raw bytes (BOM included), for sniffing the format. */
    public byte[] head() {
        return Arrays.copyOf(head, head.length);
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
