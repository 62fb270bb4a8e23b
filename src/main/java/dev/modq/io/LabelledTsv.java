package dev.modq.io;

import dev.modq.core.AuthorHistory;
import dev.modq.core.score.Backtest;
import dev.modq.core.score.Fingerprint;
import dev.modq.core.score.Label;
import dev.modq.core.score.ScoreInput;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A labelled text file for backtests, one message per line: {@code ham<TAB>text} or {@code spam<TAB>text}, oldest
 * first (the SMS Spam Collection's format; a header line with other words before the tab is skipped). There are no authors; repeated text is counted over earlier lines.
 * Lines are read up to {@link #MAX_LINE} characters (the rest of a longer line is skipped), so a hostile file
 * cannot fill the heap.
 */
public final class LabelledTsv {

    public static final int MAX_LINE = 1 << 20;
    private static final AuthorHistory NO_HISTORY = new AuthorHistory(0, 0, 0, 0);

    private LabelledTsv() {
    }

    /** Counts the labelled lines (for the train/score split); throws with the line number on a bad label. */
    public static long count(Path file) {
        long[] n = {0};
        read(file, (label, text) -> n[0]++);
        return n[0];
    }

    /** Calls {@code each} with every line as a backtest item, in file order. */
    public static void forEach(Path file, Consumer<Backtest.Item> each) {
        Map<Long, Integer> seen = new HashMap<>();
        read(file, (label, text) -> {
            long fp = Fingerprint.of(text);
            int repeats = fp == Fingerprint.NONE ? 0 : seen.merge(fp, 1, Integer::sum) - 1;
            each.accept(new Backtest.Item(new ScoreInput(text, "", null, false, NO_HISTORY, repeats), label));
        });
    }

    private interface LineSink {
        void line(Label label, String text);
    }

    private static void read(Path file, LineSink sink) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            long number = 0;
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                if (c == '\n') {
                    handle(file, ++number, line, sink);
                    line.setLength(0);
                    any = false;
                } else if (line.length() < MAX_LINE) {
                    line.append((char) c);
                }
            }
            if (any) {
                handle(file, ++number, line, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(20).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }

    private static void handle(Path file, long number, StringBuilder line, LineSink sink) {
        int tab = line.indexOf("\t");
        if (line.toString().isBlank()) {
            return;
        }
        String label = tab < 0 ? "" : line.substring(0, tab).trim().toLowerCase(Locale.ROOT);
        if (!label.equals("ham") && !label.equals("spam") && number == 1 && tab > 0) {
            return;  // a header line ("Label<TAB>SMS")
        }
        if (!label.equals("ham") && !label.equals("spam")) {
            throw new IllegalArgumentException(file + " line " + number + ": expected 'ham' or 'spam', a tab, then the"
                    + " text (got '" + printable(label) + "')");
        }
        String text = line.substring(tab + 1);
        sink.line(label.equals("spam") ? Label.SPAM : Label.HAM, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
