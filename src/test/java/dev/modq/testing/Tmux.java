package dev.modq.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A private tmux server (its own socket) for driving the real jar in a pseudo-terminal, as over SSH. */
public final class Tmux {

    private final String socket;

    public Tmux(String prefix) {
        this.socket = prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** The private socket's name (for tmux commands run by hand, e.g. display-message). */
    public String socket() {
        return socket;
    }

    public static boolean installed() {
        return exec(List.of("tmux", "-V")) == 0;
    }

    /** Runs a tmux command on this server; returns its exit code (-1 if it could not run). */
    public int run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** The visible text of a session's pane. */
    public String capture(String session) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", session).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * How many columns this tmux itself draws for {@code text}: printed at column 0 of a fresh window of
     * {@code session}, the cursor's column afterwards. The terminal's own answer, independent of modq's tables.
     */
    public int drawnWidth(String session, String text, java.nio.file.Path dir) throws IOException, InterruptedException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile(dir, "drawn", ".txt");
        java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8);
        String window = session + ":" + file.getFileName().toString().replace('.', '-');
        run("new-window", "-d", "-t", session, "-n", window.substring(session.length() + 1),
                "cat '" + file + "'; sleep 60");
        String x = "";
        for (int i = 0; i < 100 && (x.isEmpty() || capture(window).isBlank()); i++) {
            Thread.sleep(50);
            x = output("display-message", "-p", "-t", window, "#{cursor_x}");
        }
        Thread.sleep(100); // cat writes its few bytes at once; let tmux take them all in
        x = output("display-message", "-p", "-t", window, "#{cursor_x}");
        run("kill-window", "-t", window);
        return Integer.parseInt(x.strip());
    }

    private String output(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * Polls a pane (a separate process: there is no clock to inject) every 100 ms until it shows what is wanted
     * or the time is up; returns the last screen either way, so the caller's assertion can show it.
     */
    public String waitUntil(String session, java.util.function.Predicate<String> wanted, java.time.Duration timeout)
            throws IOException, InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        String screen = capture(session);
        while (System.nanoTime() < until && !wanted.test(screen)) {
            Thread.sleep(100);
            screen = capture(session);
        }
        return screen;
    }

    public void kill() {
        run("kill-server");
    }

    private static int exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
