package dev.modq.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses bad bytes, and (unlike InputStreamReader) first hands out every character
 * before them: the reader's position at the moment of the error is exactly where the bad bytes are.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private CoderResult error;
    private boolean eof;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (error != null) {
                throw new MalformedInputException(error.length());
            }
            if (eof && !bytes.hasRemaining()) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isUnderflow() && eof) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            error = result;
        }
        chars.flip();
        if (eof && result.isUnderflow() && bytes.hasRemaining()) {
            error = CoderResult.malformedForLength(bytes.remaining());
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
