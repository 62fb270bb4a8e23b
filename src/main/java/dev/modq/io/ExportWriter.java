package dev.modq.io;

import java.io.IOException;
import java.util.List;

/** Writes exported rows as they stream from the store; {@link #finish} flushes anything batched. */
public interface ExportWriter {

    void write(ExportRow row) throws IOException;

    void finish() throws IOException;

    /** Things the operator should know (rows left out, and why), for stderr. */
    default List<String> notes() {
        return List.of();
    }
}
