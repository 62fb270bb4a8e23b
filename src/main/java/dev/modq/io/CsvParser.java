package dev.modq.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180) with a header row naming modq's columns (see {@link Columns}); other columns are ignored.
 * An empty cell means "unknown" (CSV cannot tell an empty value from a missing one). The meta column, if
 * present, holds a JSON object. Sizes are limited while reading (see {@link CsvGuardReader}). A quote that
 * guards a formula-like cell (as modq's CSV export writes it, {@link CsvCells}) is removed again.
 */
final class CsvParser implements Parser {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private final Columns columns = new Columns();
    private CSVParser csv;
    private long record;

    @Override
    public void parse(InputFile in, ImportSink sink, ImportCounts counts, BadRecords bad) throws IOException {
        csv = CSVParser.builder().setReader(new CsvGuardReader(in.reader())).setFormat(FORMAT).get();
        List<String> header = csv.getHeaderNames();
        List<String> missing = new ArrayList<>(Columns.REQUIRED);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new BadRecordException("the CSV header lacks column(s) " + missing + "; it has " + header
                    + " (required: " + Columns.REQUIRED + ")");
        }
        for (CSVRecord row : csv) {
            record = row.getRecordNumber();
            String at = where();
            try {
                emit(row, header, sink, at);
            } catch (BadRecordException e) {
                bad.skip(at, e);
            }
        }
    }

    private void emit(CSVRecord row, List<String> header, ImportSink sink, String at) {
        if (!row.isConsistent()) {
            throw new BadRecordException("record " + record + " has " + row.size() + " fields, the header has "
                    + header.size());
        }
        Map<String, String> values = new HashMap<>();
        for (String column : header) {
            String value = CsvCells.restore(row.get(column));
            if (!value.isEmpty()) {
                values.put(column, value);
            }
        }
        columns.emit(values, Columns.metaFromJson(values.get("meta")), sink, at);
    }

    @Override
    public String where() {
        return csv == null ? "1:1" : csv.getCurrentLineNumber() + " (record " + record + ")";
    }
}
