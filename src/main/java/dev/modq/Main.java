package dev.modq;

import dev.modq.cli.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point: the command line decides whether to open the text UI or run a command. */
public final class Main {

    /**
     * Set by the launcher on a run that writes a class archive at exit: a JVM that then fails to write it exits 1
     * whatever modq returned, so modq records its own exit code here first and the launcher exits with that.
     */
    static final String EXIT_STATUS_FILE = "modq.exitStatusFile";

    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args);
        recordExitStatus(System.getProperty(EXIT_STATUS_FILE), code);
        System.exit(code);
    }

    static void recordExitStatus(String file, int code) {
        if (file == null || file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), code + "\n", StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // the launcher then reports the JVM's own exit code, as it would without a cache
        }
    }
}
