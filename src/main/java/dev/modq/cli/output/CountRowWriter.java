package dev.modq.cli.output;

import java.io.PrintWriter;

/** Just the number of items. */
final class CountRowWriter<T> implements RowWriter<T> {

    private final PrintWriter out;
    private long count;

    CountRowWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(T item) {
        count++;
    }

    @Override
    public void finish() {
        out.println(count);
        out.flush();
    }
}
