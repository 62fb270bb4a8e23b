package dev.modq.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged modq.jar in a child JVM (system property modq.jar, set by failsafe). */
final class ChildJvm {

    private ChildJvm() {
    }

    static Path jar() {
        String jar = System.getProperty("modq.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property modq.jar must name the packaged jar (run via `mvn verify`)");
        }
        return Path.of(jar);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code prefix} (e.g. setpriv ...) then java -jar modq.jar args, output to files in {@code logs}. */
    static Process start(List<String> prefix, List<String> jvmArgs, List<String> args, Path logs, String name)
            throws IOException {
        return start(jar(), prefix, jvmArgs, args, logs, name);
    }

    /** The same with a given copy of the jar (another user may not be able to reach the build's). */
    static Process start(Path jar, List<String> prefix, List<String> jvmArgs, List<String> args, Path logs, String name)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(java());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(logs.resolve(name + ".out").toFile());
        pb.redirectError(logs.resolve(name + ".err").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    static String read(Path logs, String name, String stream) {
        try {
            return Files.readString(logs.resolve(name + "." + stream));
        } catch (IOException e) {
            return "";
        }
    }
}
