package dev.modq.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One JSON object per line; the parent and parent_id of a reply are source ids, as on import. */
final class JsonLinesExport implements ExportWriter {

    private final Appendable out;

    JsonLinesExport(Appendable out) {
        this.out = out;
    }

    @Override
    public void write(ExportRow row) throws IOException {
        Writer line = new java.io.StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(line)) {
            json.writeStartObject();
            List<String> values = ExportColumns.values(row);
            for (int i = 0; i < values.size(); i++) {
                String name = ExportColumns.NAMES.get(i);
                if (name.equals("meta")) {
                    json.writeFieldName(name);
                    if (values.get(i) == null) {
                        json.writeNull();
                    } else {
                        json.writeRawValue(values.get(i));
                    }
                } else if (name.equals("id") || name.equals("version")) {
                    json.writeNumberField(name, Long.parseLong(values.get(i)));
                } else {
                    json.writeStringField(name, values.get(i));
                }
            }
            json.writeEndObject();
        }
        out.append(line.toString()).append('\n');
    }

    @Override
    public void finish() {
        // nothing batched
    }
}
