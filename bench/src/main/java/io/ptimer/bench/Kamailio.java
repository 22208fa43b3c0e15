package io.ptimer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kamailio install given with {@code --kamailio PATH}: {@code PATH/sbin/kamailio} with its modules
 * in {@code PATH/lib64/kamailio/modules}. Runs one of the benchmark's configurations (resources
 * {@code kamailio/*.cfg}) in the foreground, its log on stderr sent to a file, with the module path,
 * a run directory of its own and a loopback listen address on the command line and the
 * configuration's defines with {@code -A}.
 */
final class Kamailio {
    private static final Pattern STAMP = Pattern.compile("^\\s*\\d+\\((\\d+)\\) ALERT: <script>: ([TU]) (\\d+)$");
    /** Kamailio processes running now, stopped also when the benchmark itself is stopped. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : RUNNING) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }, "bench-kamailio-stop"));
    }

    private final Path prefix;

    private Kamailio(Path prefix) {
        this.prefix = prefix;
    }

    /** The install at {@code prefix}; {@code null} when none is given. */
    static Kamailio at(Path prefix) {
        return prefix == null ? null : new Kamailio(prefix.toAbsolutePath());
    }

    /** Why a Kamailio part cannot run: no install given, or none at {@code prefix}; {@code null} when it can. */
    static String unavailable(Kamailio kamailio) {
        if (kamailio == null) {
            return "no Kamailio given (--kamailio PATH: an install prefix with sbin/kamailio and lib64/kamailio/modules)";
        }
        if (!Files.isExecutable(kamailio.binary())) {
            return "no executable " + kamailio.binary();
        }
        if (!Files.isDirectory(kamailio.modules())) {
            return "no module directory " + kamailio.modules();
        }
        return null;
    }

    private Path binary() {
        return prefix.resolve("sbin/kamailio");
    }

    private Path modules() {
        return prefix.resolve("lib64/kamailio/modules");
    }

    /**
     * Starts the configuration {@code name} ({@code kamailio/<name>.cfg}, copied to {@code dir}) with
     * {@code defines} ({@code NAME=value} pairs for {@code -A}), listening on a free UDP port of
     * 127.0.0.1, its log to {@code log}.
     */
    Process start(String name, List<String> defines, Path dir, Path log) throws IOException {
        Path config = dir.resolve(name + ".cfg");
        try (InputStream in = Kamailio.class.getResourceAsStream("/kamailio/" + name + ".cfg")) {
            if (in == null) {
                throw new IOException("no Kamailio configuration " + name + " among the benchmark's resources");
            }
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }
        Path run = Files.createDirectories(dir.resolve("run-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "-DD", "-E", "-f", config.toString(),
                "-L", modules() + "/", "-Y", run.toString(), "-l", "udp:127.0.0.1:" + freePort()));
        for (String d : defines) {
            cmd.addAll(List.of("-A", d));
        }
        Files.writeString(dir.resolve(name + ".command"), String.join(" ", cmd) + "\n");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RUNNING.add(p);
        return p;
    }

    /** Stops {@code p} and every process it forked: SIGTERM, then SIGKILL to what is left after 10 s. */
    static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        RUNNING.remove(p);
    }

    /** A file for a run's log: on tmpfs ({@code /dev/shm}) where there is one, so that writing it costs no disk I/O. */
    static Path tmpfsLog(Path dir, String name) throws IOException {
        Path shm = Path.of("/dev/shm");
        Path at = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : dir;
        return Files.createTempFile(at, "ptimer-bench-" + name + "-", ".log");
    }

    /** Moves a run's log from tmpfs to {@code dir}, where the run's other files are. */
    static Path keep(Path log, Path dir, String name) throws IOException {
        return Files.move(log, dir.resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The stamps of a log: pairs of {@code T} (a route began) and {@code U} (its first stamp was
     * written), in ns of CLOCK_MONOTONIC, and the process that wrote them.
     */
    record Stamps(long[] starts, long[] ends, long pid) {

        static Stamps read(Path log) throws IOException {
            List<long[]> pairs = new ArrayList<>();
            long pid = -1;
            long start = -1;
            for (String line : Files.readAllLines(log)) {
                Matcher m = STAMP.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                pid = Long.parseLong(m.group(1));
                long at = Long.parseLong(m.group(3));
                if (m.group(2).equals("T")) {
                    start = at;
                } else if (start >= 0) {
                    pairs.add(new long[] {start, at});
                    start = -1;
                }
            }
            long[] starts = new long[pairs.size()];
            long[] ends = new long[pairs.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = pairs.get(i)[0];
                ends[i] = pairs.get(i)[1];
            }
            return new Stamps(starts, ends, pid);
        }

        int count() {
            return starts.length;
        }
    }

    /**
     * Waits until {@code log} holds {@code pairs} stamp pairs or {@code timeout} passes; the stamps
     * so far. While it waits it only counts the log's new lines, so that it takes little CPU from
     * the timer it measures.
     */
    static Stamps awaitStamps(Process p, Path log, int pairs, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lines = 0;
        try (InputStream in = Files.newInputStream(log)) {
            byte[] buffer = new byte[1 << 16];
            while (System.nanoTime() < deadline && p.isAlive()) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
                if (lines >= 2L * pairs && Stamps.read(log).count() >= pairs) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        return Stamps.read(log);
    }

    /** The CPU time process {@code pid} has used, user and system, in ns; -1 when it cannot be read. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * TimeUnit.SECONDS.toNanos(1) / 100;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
