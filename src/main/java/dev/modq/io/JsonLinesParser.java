package dev.modq.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON lines: one object per line with modq's columns (see {@link Columns}); unknown fields are ignored. */
final class JsonLinesParser implements Parser {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Columns columns = new Columns();
    private JsonParser json;

    @Override
    public void parse(InputFile in, ImportSink sink, ImportCounts counts) throws IOException {
        json = JSON.createParser(in.reader());
        JsonToken token;
        while ((token = json.nextToken()) != null) {
            if (token != JsonToken.START_OBJECT) {
                throw new BadRecordException("expected a JSON object ({...}) per line, found " + json.getText());
            }
            Map<String, String> record = new HashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            readObject(record, meta);
            columns.emit(record, meta, sink);
        }
    }

    private void readObject(Map<String, String> record, Map<String, String> meta) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("meta") && value == JsonToken.START_OBJECT) {
                readObject(meta, null);
            } else if (value.isStructStart()) {
                json.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                record.put(field, json.getText());
            }
        }
    }

    @Override
    public String where() {
        if (json == null) {
            return "1:1";
        }
        JsonLocation at = json.currentLocation();
        return at.getLineNr() + ":" + at.getColumnNr();
    }
}
