package dev.modq.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A JSON array written element by element (one object per line), or JSON lines. Jackson escapes control
 * characters as the JSON spec requires, so hostile comment text cannot reach a terminal raw.
 */
final class JsonRowWriter<T> implements RowWriter<T> {

    private final List<Field<T>> fields;
    private final PrintWriter out;
    private final JsonGenerator gen;
    private final boolean lines;
    private boolean first = true;

    JsonRowWriter(List<Field<T>> fields, PrintWriter out, boolean lines) {
        this.fields = fields;
        this.out = out;
        this.lines = lines;
        this.gen = Json.generator(out);
        if (!lines) {
            out.print('[');
        }
    }

    @Override
    public void write(T item) {
        try {
            if (!lines) {
                out.print(first ? "\n" : ",\n");
            }
            first = false;
            gen.writeStartObject();
            for (Field<T> f : fields) {
                Json.field(gen, f.name(), f.value().apply(item));
            }
            gen.writeEndObject();
            gen.flush();
            if (lines) {
                out.print('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        if (!lines) {
            out.print(first ? "]\n" : "\n]\n");
        }
        out.flush();
    }
}
