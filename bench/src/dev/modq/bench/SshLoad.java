package dev.modq.bench;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many queue sessions over SSH against one {@code modq serve}: each logs in with its own key and a pty (80x24),
 * waits for the first full frame, then presses j/k every {@code gapMs} and times keypress to the first byte of the
 * redraw (the list's change; the detail pane follows after the 80 ms rest). While every session is open it samples
 * the server's threads (/proc) and heap (jcmd GC.heap_info).
 *
 * <pre>java -cp classes:modq.jar dev.modq.bench.SshLoad PORT KEYDIR SESSIONS KEYS GAP_MS SERVER_PID</pre>
 * KEYDIR holds k01..kNN (OpenSSH private keys, one per moderator).
 */
public final class SshLoad {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path keys = Path.of(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int presses = Integer.parseInt(args[3]);
        long gapMs = Long.parseLong(args[4]);
        long serverPid = Long.parseLong(args[5]);
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        String before = sample(serverPid);
        CountDownLatch allOpen = new CountDownLatch(sessions);
        CountDownLatch sampled = new CountDownLatch(1);
        List<long[]> perSession = Collections.synchronizedList(new ArrayList<>());
        List<Long> logins = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            Path key = keys.resolve(String.format("k%02d", i));
            Thread t = new Thread(() -> {
                try {
                    perSession.add(session(client, port, key, presses, gapMs, allOpen, sampled, logins));
                } catch (Exception e) {
                    System.err.println("session " + key.getFileName() + " failed: " + e);
                    allOpen.countDown();
                }
            });
            threads.add(t);
            t.start();
        }
        allOpen.await(120, TimeUnit.SECONDS);
        Thread.sleep(gapMs * presses / 2);
        String during = sample(serverPid);
        sampled.countDown();
        for (Thread t : threads) {
            t.join();
        }
        client.stop();
        Thread.sleep(2000);
        String after = sample(serverPid);
        report(perSession, logins, sessions, before, during, after);
    }

    private static long[] session(SshClient client, int port, Path key, int presses, long gapMs,
                                  CountDownLatch allOpen, CountDownLatch sampled, List<Long> logins) throws Exception {
        KeyPair pair;
        try (InputStream in = Files.newInputStream(key)) {
            pair = SecurityUtils.loadKeyPairIdentities(null, new PathResource(key), in, FilePasswordProvider.EMPTY)
                    .iterator().next();
        }
        long t0 = System.nanoTime();
        try (ClientSession s = client.connect("bench", "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession()) {
            s.addPublicKeyIdentity(pair);
            s.auth().verify(Duration.ofSeconds(30));
            ChannelShell ch = s.createShellChannel();
            ch.setPtyType("xterm");
            ch.setPtyColumns(80);
            ch.setPtyLines(24);
            Watch screen = new Watch();
            ch.setOut(screen);
            ch.setErr(screen);
            ch.open().verify(Duration.ofSeconds(30));
            OutputStream keysOut = ch.getInvertedIn();
            screen.awaitText("quit", 30_000);
            logins.add((System.nanoTime() - t0) / 1_000_000);
            allOpen.countDown();
            allOpen.await(120, TimeUnit.SECONDS);
            long[] latencies = new long[presses];
            for (int i = 0; i < presses; i++) {
                Thread.sleep(gapMs);
                long mark = screen.bytes();
                long sent = System.nanoTime();
                keysOut.write(i % 8 < 4 ? 'j' : 'k');
                keysOut.flush();
                latencies[i] = screen.awaitMoreThan(mark, 10_000) - sent;
            }
            sampled.await(120, TimeUnit.SECONDS);
            keysOut.write('q');
            keysOut.flush();
            ch.waitFor(List.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED), 10_000);
            return latencies;
        }
    }

    /** Everything the server sent; when the first byte after a mark arrived. */
    static final class Watch extends OutputStream {
        private final StringBuilder text = new StringBuilder();
        private long bytes;
        private long lastArrival;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            lastArrival = System.nanoTime();
            bytes += len;
            if (text.length() < 200_000) {
                text.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
            notifyAll();
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized void awaitText(String s, long ms) throws InterruptedException {
            long until = System.currentTimeMillis() + ms;
            while (text.indexOf(s) < 0 && System.currentTimeMillis() < until) {
                wait(50);
            }
            if (text.indexOf(s) < 0) {
                throw new IllegalStateException("no first frame within " + ms + " ms");
            }
        }

        /** The arrival time (nanoTime) of the write that took the count past {@code mark}. */
        synchronized long awaitMoreThan(long mark, long ms) throws InterruptedException {
            long until = System.currentTimeMillis() + ms;
            while (bytes <= mark && System.currentTimeMillis() < until) {
                wait(5);
            }
            return lastArrival;
        }
    }

    private static String sample(long pid) {
        try {
            String threads = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("Threads:") || l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("?");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String heap = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("total") && l.contains("used")).findFirst().orElse("?").strip();
            p.waitFor();
            return threads + "; heap " + heap;
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }

    private static void report(List<long[]> perSession, List<Long> logins, int wanted, String before, String during,
                               String after) {
        List<Long> all = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        for (long[] l : perSession) {
            List<Long> ms = new ArrayList<>();
            for (long ns : l) {
                ms.add(ns);
                all.add(ns);
            }
            Collections.sort(ms);
            medians.add(ms.get(ms.size() / 2) / 1e6);
            p99s.add(ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1)) / 1e6);
        }
        Collections.sort(all);
        Collections.sort(medians);
        Collections.sort(p99s);
        Collections.sort(logins);
        System.out.printf("sessions completed: %d of %d%n", perSession.size(), wanted);
        System.out.printf("login to first frame (ms): median %d, max %d%n", logins.get(logins.size() / 2),
                logins.get(logins.size() - 1));
        System.out.printf("key-to-frame, all %d presses (ms): median %.1f, p99 %.1f, max %.1f%n", all.size(),
                all.get(all.size() / 2) / 1e6, all.get((int) Math.ceil(all.size() * 0.99) - 1) / 1e6,
                all.get(all.size() - 1) / 1e6);
        System.out.printf("per-session median (ms): median %.1f, worst %.1f; per-session p99 (ms): median %.1f, worst %.1f%n",
                medians.get(medians.size() / 2), medians.get(medians.size() - 1), p99s.get(p99s.size() / 2),
                p99s.get(p99s.size() - 1));
        System.out.println("server before: " + before);
        System.out.println("server with all sessions open: " + during);
        System.out.println("server after they closed: " + after);
    }
}
