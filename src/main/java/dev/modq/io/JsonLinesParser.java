package dev.modq.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON lines: one object per line with modq's columns (see {@link Columns}); unknown fields are ignored.
 * Sizes are bounded while reading: Jackson's own constraints cap each string, and fields and meta keys are
 * counted as they come.
 */
final class JsonLinesParser implements Parser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Limits.MAX_FIELD_CHARS)
                    .maxNameLength(Limits.MAX_TAG_CHARS).maxNestingDepth(Limits.MAX_XML_DEPTH).build())
            .build();

    private final Columns columns = new Columns();
    private JsonParser json;

    @Override
    public void parse(InputFile in, ImportSink sink, ImportCounts counts, BadRecords bad) throws IOException {
        json = JSON.createParser(in.reader());
        JsonToken token;
        while ((token = json.nextToken()) != null) {
            String at = where();
            if (token != JsonToken.START_OBJECT) {
                throw new BadRecordException("expected a JSON object ({...}) per line, found " + json.getText());
            }
            Map<String, String> record = new HashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            readObject(record, meta, at);
            try {
                columns.emit(record, meta, sink, at);
            } catch (BadRecordException e) {
                bad.skip(at, e);
            }
        }
    }

    private void readObject(Map<String, String> record, Map<String, String> meta, String at) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (meta != null && field.equals("meta") && value == JsonToken.START_OBJECT) {
                readObject(meta, null, at);
            } else if (value.isStructStart()) {
                json.skipChildren();
            } else if (record.size() >= (meta == null ? Limits.MAX_META_KEYS : Limits.MAX_FIELDS)) {
                throw new LimitExceeded(at + ": more than " + (meta == null ? Limits.MAX_META_KEYS + " meta keys"
                        : Limits.MAX_FIELDS + " fields") + " in one record: a broken export");
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
