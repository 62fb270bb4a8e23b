package dev.modq.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Measures CSV as it streams into the parser (Commons CSV holds a whole record in memory): the length of a field,
 * the number of fields in a record and the length of a record are limited before they are buffered, so a 200 MB
 * field, a record of millions of fields or /dev/zero fail with one line instead of filling the heap.
 */
final class CsvGuardReader extends Reader {

    private final Reader in;
    private boolean quoted;
    private long field;
    private long fields = 1;
    private long record;
    private long line = 1;
    private long recordNumber;

    CsvGuardReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            step(buf[i]);
        }
        return n;
    }

    private void step(char c) throws LimitExceeded {
        if (c == '\n') {
            line++;
        }
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == ',') {
            field = 0;
            if (++fields > Limits.MAX_FIELDS) {
                throw limit("more than " + String.format("%,d", Limits.MAX_FIELDS) + " fields in one record");
            }
        } else if (!quoted && c == '\n') {
            field = 0;
            fields = 1;
            record = 0;
            recordNumber++;
            return;
        }
        if (++field > Limits.MAX_FIELD_CHARS) {
            throw limit("a field of more than " + Limits.chars(Limits.MAX_FIELD_CHARS)
                    + " (one comment is at most " + Limits.chars(Limits.MAX_BODY_CHARS) + ")");
        }
        if (++record > Limits.MAX_RECORD_CHARS) {
            throw limit("a record of more than " + Limits.chars(Limits.MAX_RECORD_CHARS));
        }
    }

    private LimitExceeded limit(String what) {
        return new LimitExceeded(line + " (record " + recordNumber + "): " + what + ": a broken export");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
