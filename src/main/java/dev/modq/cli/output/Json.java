package dev.modq.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/** Jackson generators over picocli's writers (never closing them), and typed values. */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    public static JsonGenerator generator(Writer out) {
        try {
            JsonGenerator gen = FACTORY.createGenerator(out);
            gen.setRootValueSeparator(null);
            return gen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one field; Instants as ISO-8601 UTC strings, numbers as numbers. */
    public static void field(JsonGenerator gen, String name, Object value) throws IOException {
        gen.writeFieldName(name);
        value(gen, value);
    }

    public static void value(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Long l) {
            gen.writeNumber(l);
        } else if (value instanceof Integer i) {
            gen.writeNumber(i);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Instant t) {
            gen.writeString(t.toString());
        } else {
            gen.writeString(value.toString());
        }
    }
}
