package dev.modq.cli.output;

import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Fixed-width columns, so rows can stream without a first pass to measure them. Every value goes through
 * the sanitiser (stored text is hostile); the last column takes what is left of the terminal width.
 */
final class TableRowWriter<T> implements RowWriter<T> {

    private static final String GAP = "  ";
    /** The last column's width when stdout is not a terminal. */
    private static final int LAST_COLUMN_OFF_TERMINAL = 60;

    private final List<Field<T>> fields;
    private final PrintWriter out;
    private final int[] widths;
    private final int columns;

    TableRowWriter(List<Field<T>> fields, PrintWriter out, int columns) {
        this.fields = fields;
        this.out = out;
        this.widths = widths(fields, columns);
        this.columns = columns;
        line(fields.stream().map(f -> f.name().toUpperCase(Locale.ROOT)).toList());
    }

    private static <T> int[] widths(List<Field<T>> fields, int columns) {
        int[] w = new int[fields.size()];
        int used = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(fields.get(i).width(), fields.get(i).name().length());
            used += w[i] + (i == 0 ? 0 : GAP.length());
        }
        int last = w.length - 1;
        int rest = columns > 0 ? columns - (used - w[last]) : LAST_COLUMN_OFF_TERMINAL;
        w[last] = Math.max(rest, Math.min(w[last], 8));
        return w;
    }

    @Override
    public void write(T item) {
        line(fields.stream().map(f -> Sanitizer.clean(Values.tableText(f.value().apply(item)))).toList());
    }

    private void line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(GAP);
            }
            String cell = DisplayWidth.truncate(cells.get(i), widths[i]);
            sb.append(i == cells.size() - 1 ? cell : DisplayWidth.padRight(cell, widths[i]));
        }
        String text = sb.toString().stripTrailing();
        out.println(columns > 0 ? DisplayWidth.truncate(text, columns) : text);
    }

    @Override
    public void finish() {
        out.flush();
    }
}
