package dev.modq.cli.output;

import dev.modq.io.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV with a header row of field names; values are raw (CSV quoting carries newlines), except that
 * a value a spreadsheet would run as a formula gets a leading quote ({@link CsvCells}).
 */
final class CsvRowWriter<T> implements RowWriter<T> {

    private final List<Field<T>> fields;
    private final PrintWriter out;
    private final CSVPrinter csv;

    CsvRowWriter(List<Field<T>> fields, PrintWriter out) {
        this.fields = fields;
        this.out = out;
        try {
            this.csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            csv.printRecord(fields.stream().map(Field::name).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(T item) {
        List<String> values = new ArrayList<>(fields.size());
        for (Field<T> f : fields) {
            values.add(CsvCells.neutralise(Values.text(f.value().apply(item))));
        }
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        out.flush();
    }
}
