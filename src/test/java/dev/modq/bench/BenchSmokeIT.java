package dev.modq.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench/run --quick} (10,000 comments) end to end, so the benchmark does not rot. Needs sqlite3 and tmux. */
class BenchSmokeIT {

    static final List<String> MEASURES = List.of(
            "import_jsonl_ms", "import_jsonl_peak_heap_mb", "import_jsonl_peak_rss_mb", "demo_create_ms",
            "reject_where_ms", "reject_stdin_ms", "count_ms", "count_plain_jvm_ms",
            "ui_launch_ms", "ui_first_frame_in_process_ms",
            "ui_move_median_ms", "ui_move_p99_ms", "ui_page_down_median_ms", "ui_page_down_p99_ms",
            "ui_approve_median_ms", "ui_approve_p99_ms", "ui_filter_median_ms", "ui_filter_p99_ms",
            "ui_move_bytes", "ui_move_bytes_held", "ui_peak_heap_mb", "ui_peak_rss_mb",
            "wxr_import_comments_per_s", "wxr_import_peak_heap_mb", "wxr_import_peak_rss_mb");
    /** Measures compared with a reference measured in the same run. */
    static final List<String> WITH_REFERENCE = List.of(
            "import_jsonl_ms", "demo_create_ms", "reject_where_ms", "reject_stdin_ms", "count_ms", "count_plain_jvm_ms");

    static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";

    @TempDir
    Path out;

    @Test
    void quickRunExitsZeroAndWritesEveryMeasure() throws Exception {
        Path base = Path.of(System.getProperty("modq.basedir", "."));
        Process p = new ProcessBuilder("bash", base.resolve("bench/run").toString(), "--quick")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("log.txt").toFile())
                .directory(base.toFile())
                .start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bench/run --quick took over 10 minutes");
        String log = Files.readString(out.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);

        Matcher m = Pattern.compile("JSON: (\\S+)").matcher(log);
        assertTrue(m.find(), "the run names its JSON file:\n" + log);
        Path json = Path.of(m.group(1));
        String text = Files.readString(json, StandardCharsets.UTF_8);
        try {
            assertTrue(text.contains("\"mode\": \"quick\""), text);
            for (String name : MEASURES) {
                Matcher v = Pattern.compile("\"" + name + "\": \\{\"modq\": (" + NUMBER + "), \"reference\": ("
                        + NUMBER + "|null), \"ratio\": (" + NUMBER + "|null)").matcher(text);
                assertTrue(v.find(), name + " with a numeric value in\n" + text);
                if (WITH_REFERENCE.contains(name)) {
                    assertTrue(!v.group(2).equals("null") && !v.group(3).equals("null"), name + ": reference and ratio");
                }
            }
        } finally {
            Files.deleteIfExists(json); // a smoke run's figures are not results
        }
    }
}
