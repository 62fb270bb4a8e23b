package dev.modq.cli.output;

import java.io.PrintWriter;

/** One id per line: what `modq reject -` reads. */
final class IdsRowWriter<T> implements RowWriter<T> {

    private final Field<T> id;
    private final PrintWriter out;

    IdsRowWriter(Field<T> id, PrintWriter out) {
        this.id = id;
        this.out = out;
    }

    @Override
    public void write(T item) {
        out.println(Values.text(id.value().apply(item)));
    }

    @Override
    public void finish() {
        out.flush();
    }
}
