package dev.modq.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;

/** RFC 4180 CSV with a header row; the columns are those of JSON lines; formula-like cells guarded ({@link CsvCells}). */
final class CsvExport implements ExportWriter {

    private final CSVPrinter csv;

    CsvExport(Appendable out) {
        try {
            csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(ExportColumns.NAMES.toArray(String[]::new))
                    .get());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(ExportRow row) throws IOException {
        csv.printRecord(ExportColumns.values(row).stream().map(CsvCells::neutralise).toList());
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }
}
