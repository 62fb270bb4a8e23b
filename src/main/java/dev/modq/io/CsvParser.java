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
 * CSV (RFC 4180) with a header row naming modq's columns (see {@link Columns}); other columns are ignored. A
 * quote that guards a formula-like cell (as modq's CSV export writes it, {@link CsvCells}) is removed again.
 */
final class CsvParser implements Parser {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private final Columns columns = new Columns();
    private CSVParser csv;
    private long record;

    @Override
    public void parse(InputFile in, ImportSink sink, ImportCounts counts) throws IOException {
        csv = CSVParser.builder().setReader(in.reader()).setFormat(FORMAT).get();
        List<String> header = csv.getHeaderNames();
        List<String> missing = new ArrayList<>(Columns.REQUIRED);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new BadRecordException("the CSV header lacks column(s) " + missing + "; it has " + header
                    + " (required: " + Columns.REQUIRED + ")");
        }
        for (CSVRecord row : csv) {
            record = row.getRecordNumber();
            if (!row.isConsistent()) {
                throw new BadRecordException("record " + record + " has " + row.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> values = new HashMap<>();
            for (String column : header) {
                values.put(column, CsvCells.restore(row.get(column)));
            }
            columns.emit(values, Map.of(), sink);
        }
    }

    @Override
    public String where() {
        return csv == null ? "1:1" : csv.getCurrentLineNumber() + " (record " + record + ")";
    }
}
